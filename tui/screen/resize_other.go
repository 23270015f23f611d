//go:build !unix

package screen

import (
	"io"
	"time"
)

// Without SIGWINCH the terminal's size cannot be followed: Run leaves the
// program to Bubble Tea's renderer.
const resizeSupported = false

func watchResize(*session) func() { return func() {} }

func (t *tty) drain(io.Writer, time.Duration) {}
