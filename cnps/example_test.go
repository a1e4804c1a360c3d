package cnps_test

import (
	"fmt"

	"github.com/recruitkit/recruitkit-go/cnps"
)

// The stats object of a Trustcruit stats answer, scored as the vendor
// scores it.
func ExampleCompute() {
	stats := map[string]int{
		"0": 102, "1": 81, "2": 80, "3": 125, "4": 142, "5": 654, "6": 497,
		"7": 1497, "8": 3703, "9": 3037, "10": 9337,
	}
	score, err := cnps.Compute(stats)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("CNPS", score)
	// Output: CNPS 56
}

func ExampleScore_MarginOfError() {
	s, err := cnps.FromStats(map[string]int{"10": 120, "9": 80, "8": 60, "7": 40, "5": 60, "2": 40})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := s.Rounded()
	moe, _ := s.MarginOfError(0.95)
	sh, _ := s.Shares()
	fmt.Printf("CNPS %d ± %.1f (95%%, n=%d)\n", v, moe, s.Total)
	fmt.Printf("promoters %.0f%%, passives %.0f%%, detractors %.0f%%\n", 100*sh.Promoters, 100*sh.Passives, 100*sh.Detractors)
	// Output:
	// CNPS 25 ± 8.1 (95%, n=400)
	// promoters 50%, passives 25%, detractors 25%
}

// Merging two quarters' answers gives the half-year's score.
func ExampleScore_Add() {
	q3, _ := cnps.FromStats(map[string]int{"10": 30, "8": 10, "4": 10})
	q4, _ := cnps.FromStats(map[string]int{"9": 20, "6": 30})
	half, _ := q3.Add(q4).Rounded()
	fmt.Println(half)
	// Output: 10
}

func ExampleScore_Rounded() {
	// 1 promoter in 8 answers is 12.5: Python 3 rounds half to even.
	s := cnps.Score{Promoters: 1, Passives: 7, Total: 8}
	v, _ := s.Value()
	r, _ := s.Rounded()
	fmt.Println(v, r)
	// Output: 12.5 12
}
