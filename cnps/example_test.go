package cnps_test

import (
	"errors"
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

// FromStats groups a 0–10 histogram, keyed "0" to "10" as Trustcruit
// sends it; a bad key is a *ValidationError naming it.
func ExampleFromStats() {
	s, err := cnps.FromStats(map[string]int{"10": 7, "9": 2, "8": 3, "3": 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Promoters, s.Passives, s.Detractors, s.Total)

	_, err = cnps.FromStats(map[string]int{"11": 1})
	var bad *cnps.ValidationError
	fmt.Println(errors.As(err, &bad), errors.Is(err, cnps.ErrInvalidStats))
	// Output:
	// 9 3 2 14
	// true true
}

// A histogram keeps every rating, so two periods add up exactly.
func ExampleParseStats() {
	h, err := cnps.ParseStats(map[string]int{"10": 5, "0": 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	more, _ := cnps.ParseStats(map[string]int{"9": 2})
	sum := h.Add(more)
	v, _ := sum.Score().Rounded()
	fmt.Println(sum.Total(), sum[10], v)
	// Output: 8 5 75
}

func ExampleScore_Interval() {
	s := cnps.Score{Promoters: 200, Passives: 100, Detractors: 100, Total: 400}
	low, high, err := s.Interval(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f to %.1f\n", low, high)
	// Output: 16.9 to 33.1
}
