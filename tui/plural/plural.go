// Package plural writes counts with their noun in the right number:
// "1 article", "2 articles", "0 matches"; and large counts with commas.
package plural

import (
	"strconv"
	"strings"
)

// N returns n followed by one when n is 1, else by many.
func N(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Thousands writes n with a comma between groups of three digits:
// 1,234,567 (a negative n as it is).
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
