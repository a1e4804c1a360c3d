package cnps_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// documented is the stats object of Trustcruit's documentation.
var documented = map[string]int{
	"2": 80, "0": 102, "9": 3037, "6": 497, "5": 654, "7": 1497,
	"10": 9337, "1": 81, "8": 3703, "3": 125, "4": 142,
}

func TestTheDocumentedExampleGives56(t *testing.T) {
	s, err := cnps.FromStats(documented)
	require.NoError(t, err)
	assert.Equal(t, cnps.Score{Promoters: 12374, Passives: 5200, Detractors: 1681, Total: 19255}, s)
	v, ok := s.Value()
	require.True(t, ok)
	assert.InDelta(t, 55.5336, v, 1e-4)
	n, err := cnps.Compute(documented)
	require.NoError(t, err)
	assert.Equal(t, 56, n)
}

func TestHalfWayValuesRoundAsPython3(t *testing.T) {
	for _, tc := range []struct {
		p, d, total int
		value       float64
		want        int
	}{
		{1, 0, 8, 12.5, 12},
		{0, 1, 8, -12.5, -12},
		{3, 0, 8, 37.5, 38},
		{0, 3, 8, -37.5, -38},
		{5, 0, 8, 62.5, 62},
		{1, 0, 200, 0.5, 0},
		{0, 1, 200, -0.5, 0},
		{3, 0, 200, 1.5, 2},
		{0, 3, 200, -1.5, -2},
		{199, 0, 200, 99.5, 100},
	} {
		s := cnps.Score{Promoters: tc.p, Detractors: tc.d, Passives: tc.total - tc.p - tc.d, Total: tc.total}
		v, _ := s.Value()
		require.Equal(t, tc.value, v)
		got, ok := s.Rounded()
		require.True(t, ok)
		assert.Equal(t, tc.want, got, "round(%v)", tc.value)
	}
}

// TestAgreesWithTheVendorsPythonFormula replays what Python 3 printed for
// Trustcruit's published formula (testdata/python_round.py made the file):
// the documented example, every exact half-way value of some small
// totals, and random histograms up to counts beyond 2^53.
func TestAgreesWithTheVendorsPythonFormula(t *testing.T) {
	raw, err := os.ReadFile("testdata/python_round.json")
	require.NoError(t, err)
	var cases []struct {
		Stats  map[string]int `json:"stats"`
		Prints string         `json:"prints"`
	}
	require.NoError(t, json.Unmarshal(raw, &cases))
	require.Greater(t, len(cases), 2000)
	for _, c := range cases {
		got, err := cnps.Compute(c.Stats)
		if c.Prints == "CNPS unavailable" {
			require.ErrorIs(t, err, cnps.ErrUnavailable, "%v", c.Stats)
			continue
		}
		require.NoError(t, err)
		want, err := strconv.ParseFloat(c.Prints, 64)
		require.NoError(t, err)
		require.Equal(t, int(want), got, "stats %v: Python printed %s", c.Stats, c.Prints)
	}
}

// reference computes the vendor's number with exact rational arithmetic:
// the float64 nearest to 100*(P-D)/T (Python's true division), then that
// float's exact value rounded half to even.
func reference(p, d, total int64) int64 {
	num := new(big.Int).Mul(big.NewInt(100), big.NewInt(p-d))
	x, _ := new(big.Rat).SetFrac(num, big.NewInt(total)).Float64()
	exact := new(big.Rat).SetFloat64(x)
	floor := new(big.Int).Div(exact.Num(), exact.Denom()) // Euclidean: floor for a positive denominator
	frac := new(big.Rat).Sub(exact, new(big.Rat).SetInt(floor))
	switch frac.Cmp(big.NewRat(1, 2)) {
	case 1:
		floor.Add(floor, big.NewInt(1))
	case 0:
		if floor.Bit(0) == 1 {
			floor.Add(floor, big.NewInt(1))
		}
	}
	return floor.Int64()
}

func TestRoundedMatchesAnExactRationalReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(405, 2026))
	n := 200_000
	if raceBuild {
		n = 20_000 // the same maths, and the race detector has nothing to watch
	}
	for i := range n {
		var stats = map[string]int{}
		scale := []int{3, 10, 100, 10_000, 1 << 40, 1 << 56}[i%6]
		for r := 0; r <= 10; r++ {
			if rng.IntN(5) > 0 {
				stats[strconv.Itoa(r)] = rng.IntN(scale)
			}
		}
		s, err := cnps.FromStats(stats)
		require.NoError(t, err)
		got, ok := s.Rounded()
		if s.Total == 0 {
			require.False(t, ok)
			continue
		}
		require.True(t, ok)
		require.Equal(t, reference(int64(s.Promoters), int64(s.Detractors), int64(s.Total)), int64(got), "stats %v", stats)
	}
}

func TestMissingRatingsCountAsZero(t *testing.T) {
	s, err := cnps.FromStats(map[string]int{"10": 3, "0": 1})
	require.NoError(t, err)
	assert.Equal(t, cnps.Score{Promoters: 3, Detractors: 1, Total: 4}, s)
	n, err := cnps.Compute(map[string]int{"10": 3, "0": 1})
	require.NoError(t, err)
	assert.Equal(t, 50, n)
}

func TestNoRatingsIsUnavailableNotZero(t *testing.T) {
	for _, stats := range []map[string]int{nil, {}, {"5": 0, "9": 0}} {
		_, err := cnps.Compute(stats)
		require.ErrorIs(t, err, cnps.ErrUnavailable)
		s, err := cnps.FromStats(stats)
		require.NoError(t, err)
		_, ok := s.Value()
		assert.False(t, ok)
		_, ok = s.Rounded()
		assert.False(t, ok)
		_, ok = s.Shares()
		assert.False(t, ok)
		_, err = s.MarginOfError(0.95)
		assert.ErrorIs(t, err, cnps.ErrUnavailable)
	}
}

func TestBadStatsNameTheKey(t *testing.T) {
	for _, tc := range []struct {
		stats map[string]int
		key   string
		want  string
	}{
		{map[string]int{"11": 1}, "11", `cnps: stats key "11": not a rating from "0" to "10"`},
		{map[string]int{"01": 1}, "01", `not a rating`},
		{map[string]int{" 1": 1}, " 1", `not a rating`},
		{map[string]int{"-1": 1}, "-1", `not a rating`},
		{map[string]int{"": 1}, "", `not a rating`},
		{map[string]int{"ten": 1, "10": 2}, "ten", `not a rating`},
		{map[string]int{"3": -2}, "3", `cnps: stats key "3": negative count -2`},
		{map[string]int{"9": -1, "8": 5, "x": 1, "4": -7}, "4", `negative count -7`}, // the lowest bad key, whatever the map order
		{map[string]int{"9": math.MaxInt, "10": 1}, "", `the counts add up to more than an int holds`},
	} {
		_, err := cnps.FromStats(tc.stats)
		var v *cnps.ValidationError
		require.ErrorAs(t, err, &v, "%v", tc.stats)
		assert.ErrorIs(t, err, cnps.ErrInvalidStats)
		assert.Contains(t, err.Error(), tc.want)
		if tc.key != "" {
			assert.Equal(t, tc.key, v.Key)
		}
		_, err = cnps.Compute(tc.stats)
		assert.ErrorIs(t, err, cnps.ErrInvalidStats)
		assert.False(t, errors.Is(err, cnps.ErrUnavailable))
	}
}

func TestSharesAndMerging(t *testing.T) {
	q1, err := cnps.ParseStats(map[string]int{"10": 6, "8": 2, "3": 2})
	require.NoError(t, err)
	q2, err := cnps.ParseStats(map[string]int{"9": 1, "0": 3})
	require.NoError(t, err)

	sh, ok := q1.Score().Shares()
	require.True(t, ok)
	assert.Equal(t, cnps.Shares{Promoters: 0.6, Passives: 0.2, Detractors: 0.2}, sh)

	both := q1.Score().Add(q2.Score())
	assert.Equal(t, q1.Add(q2).Score(), both, "merging histograms and merging scores agree")
	assert.Equal(t, cnps.Score{Promoters: 7, Passives: 2, Detractors: 5, Total: 14}, both)
	assert.Equal(t, 14, q1.Add(q2).Total())
	n, _ := both.Rounded()
	assert.Equal(t, 14, n) // 100 * 2 / 14 = 14.29
}

func TestMarginOfError(t *testing.T) {
	s := cnps.Score{Promoters: 50, Passives: 20, Detractors: 30, Total: 100}
	// Variance (0.5 + 0.3 - 0.2²) / 100 = 0.0076; sd 8.718 points.
	moe, err := s.MarginOfError(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 1.959964*math.Sqrt(0.0076)*100, moe, 1e-3)
	moe99, err := s.MarginOfError(0.99)
	require.NoError(t, err)
	assert.InDelta(t, 2.575829*math.Sqrt(0.0076)*100, moe99, 1e-3)

	lo, hi, err := s.Interval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 20-moe, lo, 1e-9)
	assert.InDelta(t, 20+moe, hi, 1e-9)

	// Four times the sample halves the margin.
	big := cnps.Score{Promoters: 200, Passives: 80, Detractors: 120, Total: 400}
	moeBig, _ := big.MarginOfError(0.95)
	assert.InDelta(t, moe/2, moeBig, 1e-9)

	// The interval never leaves the possible range.
	lo, hi, err = cnps.Score{Promoters: 3, Total: 3}.Interval(0.95)
	require.NoError(t, err)
	assert.Equal(t, 100.0, hi)
	assert.LessOrEqual(t, lo, 100.0)
	lo, _, err = cnps.Score{Promoters: 1, Detractors: 2, Total: 3}.Interval(0.999)
	require.NoError(t, err)
	assert.Equal(t, -100.0, lo)

	for _, c := range []float64{0, 1, -0.5, 95, math.NaN()} {
		_, err := s.MarginOfError(c)
		assert.ErrorIs(t, err, cnps.ErrConfidence, "%v", c)
	}
}

// TestMarginOfErrorCoversAsPromised draws many surveys from a known
// population and checks that about 95 % of the 95 % intervals hold the
// population's score: a check of the method, not just of the arithmetic.
func TestMarginOfErrorCoversAsPromised(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const p, d, n, trials = 0.55, 0.15, 400, 4000
	truth := 100 * (p - d)
	covered := 0
	for range trials {
		var s cnps.Score
		for range n {
			switch u := rng.Float64(); {
			case u < p:
				s.Promoters++
			case u < p+d:
				s.Detractors++
			default:
				s.Passives++
			}
		}
		s.Total = n
		lo, hi, err := s.Interval(0.95)
		require.NoError(t, err)
		if lo <= truth && truth <= hi {
			covered++
		}
	}
	assert.InDelta(t, 0.95, float64(covered)/trials, 0.015)
}

func TestHotPathDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		s, _ := cnps.FromStats(documented)
		_, _ = s.Rounded()
		_, _ = cnps.Compute(documented)
		_, _ = s.MarginOfError(0.95)
	})
	assert.Zero(t, allocs)
}

func BenchmarkFromStats(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cnps.FromStats(documented); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if n, err := cnps.Compute(documented); err != nil || n != 56 {
			b.Fatal(n, err)
		}
	}
}
