package rest

import (
	"bytes"
	"encoding/json"
)

// UnmarshalKeepingRaw decodes data into plain, a vendor type's
// method-less twin, and returns a copy of data. A vendor type's
// UnmarshalJSON keeps that copy, so a field the vendor adds after this
// SDK was written is never lost:
//
//	func (c *Candidature) UnmarshalJSON(b []byte) (err error) {
//		type plain Candidature
//		c.Raw, err = rest.UnmarshalKeepingRaw(b, (*plain)(c))
//		return err
//	}
func UnmarshalKeepingRaw(data []byte, plain any) (json.RawMessage, error) {
	if err := json.Unmarshal(data, plain); err != nil {
		return nil, err
	}
	return bytes.Clone(data), nil
}

// Extra returns the members of the JSON object raw whose keys are not in
// known: what the vendor sent that the Go type has no field for.
func Extra(raw json.RawMessage, known ...string) map[string]json.RawMessage {
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) != nil {
		return nil
	}
	for _, k := range known {
		delete(all, k)
	}
	if len(all) == 0 {
		return nil
	}
	return all
}
