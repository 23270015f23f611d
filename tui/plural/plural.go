// Package plural writes counts with their noun in the right number:
// "1 article", "2 articles", "0 matches".
package plural

import "strconv"

// N returns n followed by one when n is 1, else by many.
func N(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
