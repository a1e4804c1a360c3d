//go:build !race

package cnps_test

// raceBuild is true in a -race build, where a long single-goroutine
// loop runs ten times slower and finds no race.
const raceBuild = false
