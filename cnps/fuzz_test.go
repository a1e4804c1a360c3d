package cnps_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/recruitkit/recruitkit-go/cnps"
)

// FuzzFromStats feeds stats objects as JSON: a result must add up, stay
// within -100..100 and agree with Compute; a failure must be a
// *ValidationError.
func FuzzFromStats(f *testing.F) {
	f.Add(`{"2":80,"0":102,"9":3037,"6":497,"5":654,"7":1497,"10":9337,"1":81,"8":3703,"3":125,"4":142}`)
	f.Add(`{}`)
	f.Add(`{"10":1,"0":1}`)
	f.Add(`{"11":1}`)
	f.Add(`{"3":-2}`)
	f.Add(`{"9":9223372036854775807,"10":1}`)
	f.Fuzz(func(t *testing.T, doc string) {
		var stats map[string]int
		if json.Unmarshal([]byte(doc), &stats) != nil {
			return
		}
		s, err := cnps.FromStats(stats)
		if err != nil {
			var v *cnps.ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("error %v is not a *ValidationError", err)
			}
			return
		}
		if s.Promoters+s.Passives+s.Detractors != s.Total || s.Promoters < 0 || s.Passives < 0 || s.Detractors < 0 {
			t.Fatalf("groups do not add up: %+v", s)
		}
		v, ok := s.Rounded()
		n, cerr := cnps.Compute(stats)
		if ok != (cerr == nil) || (ok && n != v) {
			t.Fatalf("Compute (%d, %v) disagrees with Rounded (%d, %v)", n, cerr, v, ok)
		}
		if ok && (v < -100 || v > 100) {
			t.Fatalf("score %d out of range", v)
		}
	})
}
