//go:build !unix

package statefile

// openNonBlock has no equivalent here; ReadFile still refuses anything but
// a regular file before opening it.
const openNonBlock = 0
