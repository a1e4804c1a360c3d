// Package cnps computes a candidate net promoter score (CNPS) from a
// histogram of 0–10 ratings, the way Trustcruit defines it.
//
// Ratings 0–6 are detractors ("demoters" in Trustcruit's documentation),
// 7–8 passives and 9–10 promoters. The score is
//
//	100 * (promoters - detractors) / total
//
// where total is the number of ratings given. Trustcruit publishes the
// formula in Python as round(100 * (promoters - demoters) / total, 0);
// Score.Rounded returns, for every input, the value that prints. Python 3
// rounds half-way values to even, so 12.5 rounds to 12 and -12.5 to -12,
// and Rounded does the same. With no ratings the score is unavailable,
// not zero.
//
// Beyond the vendor's number the package gives the exact value, each
// group's share, merging periods (Score.Add, Histogram.Add), and a margin
// of error at a chosen confidence level (see Score.MarginOfError).
//
// The package is pure: no I/O and no dependencies beyond the standard
// library. FromStats, Compute and the Score methods do not allocate.
package cnps

import (
	"errors"
	"math"
	"math/big"
	"strconv"
)

// ErrUnavailable is returned by Compute when there are no ratings: the
// vendor's formula prints "CNPS unavailable" then.
var ErrUnavailable = errors.New("cnps: unavailable: no ratings")

// ErrInvalidStats matches every *ValidationError of this package.
var ErrInvalidStats = errors.New("cnps: invalid stats")

// ValidationError is a stats map that is not a 0–10 rating histogram.
type ValidationError struct {
	Key     string // the offending key of the stats map
	Problem string
}

// Error reads like `cnps: stats key "11": not a rating from "0" to "10"`.
func (e *ValidationError) Error() string {
	return "cnps: stats key " + strconv.Quote(e.Key) + ": " + e.Problem
}

// Is makes errors.Is(err, ErrInvalidStats) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidStats }

// Histogram counts the answers of each rating: Histogram[r] is how many
// people answered r, for r from 0 to 10.
type Histogram [11]int

// ParseStats reads Trustcruit's "stats" object: keys "0" to "10", each
// the count of that rating. A rating nobody gave may be left out. An
// unknown key, a negative count or a total too large for an int is a
// *ValidationError naming the key (the lowest one, when several are
// wrong).
func ParseStats(stats map[string]int) (Histogram, error) {
	var h Histogram
	badKey, problem := "", ""
	total := 0
	for key, n := range stats {
		r, ok := ratingOf(key)
		switch {
		case !ok:
			if problem == "" || key < badKey {
				badKey, problem = key, `not a rating from "0" to "10"`
			}
		case n < 0:
			if problem == "" || key < badKey {
				badKey, problem = key, "negative count "+strconv.Itoa(n)
			}
		default:
			if total > math.MaxInt-n {
				return Histogram{}, &ValidationError{Key: key, Problem: "the counts add up to more than an int holds"}
			}
			total += n
			h[r] = n
		}
	}
	if problem != "" {
		return Histogram{}, &ValidationError{Key: badKey, Problem: problem}
	}
	return h, nil
}

// ratingOf parses "0" to "10" exactly: no sign, no leading zero, no space.
func ratingOf(key string) (int, bool) {
	switch {
	case len(key) == 1 && key[0] >= '0' && key[0] <= '9':
		return int(key[0] - '0'), true
	case key == "10":
		return 10, true
	}
	return 0, false
}

// Score groups the histogram: detractors (0–6), passives (7–8) and
// promoters (9–10).
func (h Histogram) Score() Score {
	var s Score
	for r, n := range h {
		switch {
		case r <= 6:
			s.Detractors += n
		case r <= 8:
			s.Passives += n
		default:
			s.Promoters += n
		}
	}
	s.Total = s.Detractors + s.Passives + s.Promoters
	return s
}

// Total is the number of ratings given.
func (h Histogram) Total() int {
	t := 0
	for _, n := range h {
		t += n
	}
	return t
}

// Add merges two periods' histograms.
func (h Histogram) Add(o Histogram) Histogram {
	for r := range h {
		h[r] += o[r]
	}
	return h
}

// Score is a CNPS survey summed up by group. Total is the number of
// ratings, Promoters + Passives + Detractors.
type Score struct{ Promoters, Passives, Detractors, Total int }

// FromStats groups Trustcruit's "stats" object (see ParseStats for the
// rules and errors).
func FromStats(stats map[string]int) (Score, error) {
	h, err := ParseStats(stats)
	if err != nil {
		return Score{}, err
	}
	return h.Score(), nil
}

// Compute is FromStats followed by Rounded: the vendor's CNPS, or
// ErrUnavailable when there are no ratings.
func Compute(stats map[string]int) (int, error) {
	s, err := FromStats(stats)
	if err != nil {
		return 0, err
	}
	v, ok := s.Rounded()
	if !ok {
		return 0, ErrUnavailable
	}
	return v, nil
}

// Add merges two periods.
func (s Score) Add(o Score) Score {
	return Score{
		Promoters:  s.Promoters + o.Promoters,
		Passives:   s.Passives + o.Passives,
		Detractors: s.Detractors + o.Detractors,
		Total:      s.Total + o.Total,
	}
}

// exactLimit is the largest integer every smaller one of which a float64
// holds exactly.
const exactLimit = 1 << 53

// Value is 100 * (Promoters - Detractors) / Total, the float64 nearest to
// the exact quotient (which is what Python's true division gives), from
// -100 to 100. It is false when Total is 0.
func (s Score) Value() (float64, bool) {
	if s.Total == 0 {
		return 0, false
	}
	net := s.Promoters - s.Detractors
	if -exactLimit/100 < net && net < exactLimit/100 && s.Total < exactLimit {
		// Both operands are exact, and IEEE division rounds correctly.
		return float64(100*net) / float64(s.Total), true
	}
	num := new(big.Int).Mul(big.NewInt(100), new(big.Int).Sub(big.NewInt(int64(s.Promoters)), big.NewInt(int64(s.Detractors))))
	f, _ := new(big.Rat).SetFrac(num, big.NewInt(int64(s.Total))).Float64()
	return f, true
}

// Rounded is the vendor's CNPS: Value rounded as Python 3's round(x, 0)
// does, half-way values to the even neighbour. It is false when Total is
// 0. (Python prints the same number as a float, "56.0".)
func (s Score) Rounded() (int, bool) {
	v, ok := s.Value()
	if !ok {
		return 0, false
	}
	return int(math.RoundToEven(v)), true
}

// Shares is how the ratings split between the groups, each from 0 to 1.
type Shares struct{ Promoters, Passives, Detractors float64 }

// Shares returns each group's part of Total; false when Total is 0.
func (s Score) Shares() (Shares, bool) {
	if s.Total == 0 {
		return Shares{}, false
	}
	t := float64(s.Total)
	return Shares{
		Promoters:  float64(s.Promoters) / t,
		Passives:   float64(s.Passives) / t,
		Detractors: float64(s.Detractors) / t,
	}, true
}

// ErrConfidence is returned for a confidence level outside (0, 1).
var ErrConfidence = errors.New("cnps: confidence level must be between 0 and 1, exclusive")

// MarginOfError is the half-width, in CNPS points, of the confidence
// interval around Value at the given confidence level (0.95 for 95 %).
//
// The method is the normal (Wald) approximation for a difference of two
// proportions of one multinomial sample. With p and d the promoter and
// detractor shares of n ratings, the score's variance (as a fraction) is
//
//	(p + d - (p - d)²) / n
//
// and the margin is z · √variance · 100, with z the standard normal
// quantile for the level (1.96 at 95 %). It treats the ratings as a
// simple random sample of the candidates, and it is too narrow for small
// samples or shares near 0 or 1 (fewer than about 30 ratings in each
// group): read it as a guide there. It returns ErrUnavailable when Total
// is 0.
func (s Score) MarginOfError(confidence float64) (float64, error) {
	if !(confidence > 0 && confidence < 1) {
		return 0, ErrConfidence
	}
	sh, ok := s.Shares()
	if !ok {
		return 0, ErrUnavailable
	}
	net := sh.Promoters - sh.Detractors
	variance := (sh.Promoters + sh.Detractors - net*net) / float64(s.Total)
	z := math.Sqrt2 * math.Erfinv(confidence)
	return z * math.Sqrt(max(variance, 0)) * 100, nil
}

// Interval is Value minus and plus MarginOfError, clipped to the
// possible range of -100 to 100.
func (s Score) Interval(confidence float64) (low, high float64, err error) {
	moe, err := s.MarginOfError(confidence)
	if err != nil {
		return 0, 0, err
	}
	v, _ := s.Value()
	return max(v-moe, -100), min(v+moe, 100), nil
}
