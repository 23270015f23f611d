//go:build !unix

package screen

// Without SIGWINCH the terminal's size cannot be followed: Run leaves the
// program to Bubble Tea's renderer.
const resizeSupported = false

func watchResize(*session) func() { return func() {} }
