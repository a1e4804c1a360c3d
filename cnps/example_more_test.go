package cnps_test

import (
	"fmt"

	"github.com/recruitkit/recruitkit-go/cnps"
)

// A histogram indexed by rating: h[r] is how many people answered r.
func ExampleHistogram_Total() {
	var h cnps.Histogram
	h[10], h[9], h[7], h[2] = 4, 3, 2, 1
	fmt.Println(h.Total())
	// Output: 10
}

// Score groups the ratings: 0–6 detractors, 7–8 passives, 9–10 promoters.
func ExampleHistogram_Score() {
	h := cnps.Histogram{0: 1, 6: 2, 7: 1, 8: 3, 9: 2, 10: 5}
	s := h.Score()
	fmt.Println(s.Promoters, s.Passives, s.Detractors, s.Total)
	v, _ := s.Rounded()
	fmt.Println(v)
	// Output:
	// 7 4 3 14
	// 29
}

// Adding histograms keeps every rating of both periods; neither operand
// changes.
func ExampleHistogram_Add() {
	july := cnps.Histogram{10: 3, 8: 1}
	august := cnps.Histogram{10: 1, 3: 2}
	summer := july.Add(august)
	fmt.Println(summer[10], summer[8], summer[3], summer.Total())
	fmt.Println(july.Total(), august.Total())
	// Output:
	// 4 1 2 7
	// 4 3
}

// Value is the exact score; the vendor prints it rounded (Rounded). With
// no ratings there is no score, rather than 0.
func ExampleScore_Value() {
	s := cnps.Score{Promoters: 2, Passives: 0, Detractors: 1, Total: 3}
	v, ok := s.Value()
	fmt.Printf("%.4f %v\n", v, ok)

	_, ok = cnps.Score{}.Value()
	fmt.Println(ok)
	// Output:
	// 33.3333 true
	// false
}

func ExampleScore_Shares() {
	s := cnps.Score{Promoters: 6, Passives: 3, Detractors: 1, Total: 10}
	sh, ok := s.Shares()
	fmt.Println(sh.Promoters, sh.Passives, sh.Detractors, ok)

	_, ok = cnps.Score{}.Shares()
	fmt.Println(ok)
	// Output:
	// 0.6 0.3 0.1 true
	// false
}
