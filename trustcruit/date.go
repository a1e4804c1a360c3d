package trustcruit

import (
	"fmt"
	"net/url"
	"time"
)

// Date is a calendar day, sent as YYYY-MM-DD. It has no time of day and
// no time zone: the day is the one the caller means. The zero Date is
// "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the day t falls on in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate reads a YYYY-MM-DD day.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if d := DateOf(t); err == nil && d.IsValid() {
		return d, nil
	}
	return Date{}, fmt.Errorf("trustcruit: date %q: want YYYY-MM-DD from year 1 to 9999", s)
}

// String formats the day as YYYY-MM-DD.
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// By hand: this runs for every date in every query and body.
	b := [10]byte{
		byte('0' + d.Year/1000), byte('0' + d.Year/100%10), byte('0' + d.Year/10%10), byte('0' + d.Year%10), '-',
		byte('0' + int(d.Month)/10), byte('0' + int(d.Month)%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10),
	}
	return string(b[:])
}

// IsZero reports whether d is the zero Date, "not set".
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a real calendar day from year 1 to 9999.
func (d Date) IsValid() bool {
	return d.Year >= 1 && d.Year <= 9999 && DateOf(d.Time(time.UTC)) == d
}

// Time is the start of the day in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the day n days after d (before it, for a negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Time(time.UTC).Before(o.Time(time.UTC)) }

// MarshalText formats a valid day as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("trustcruit: %s is not a calendar day", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a YYYY-MM-DD day.
func (d *Date) UnmarshalText(b []byte) error {
	parsed, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// EncodeValues puts the day in a query string as YYYY-MM-DD. It is
// go-querystring's query.Encoder, like MarshalJSON is encoding/json's
// Marshaler: a Date in a struct of your own encodes as Trustcruit reads
// it, and a day that is not on the calendar is an error.
func (d Date) EncodeValues(key string, v *url.Values) error {
	if !d.IsValid() {
		return fmt.Errorf("trustcruit: %s is not a calendar day", d)
	}
	v.Set(key, d.String())
	return nil
}
