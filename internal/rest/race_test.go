//go:build race

package rest

// raceEnabled: under the race detector sync.Pool drops items at random,
// so allocation counts are not stable.
const raceEnabled = true
