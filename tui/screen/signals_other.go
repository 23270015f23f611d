//go:build !unix

package screen

import (
	"io"
	"os"
	"time"
)

// Without SIGWINCH the terminal's size cannot be followed: Run refuses to
// start (see usable).
const resizeSupported = false

func watchSignals(*session) func() { return func() {} }

func (t *tty) drain(io.Writer, time.Duration) {}

// The end of a program whose terminal went away.
var (
	closedExit           = ExitError{Code: 129, Reason: "the terminal was closed"}
	hangup     os.Signal = os.Kill
)

func (s *session) suspend() {}

func stopProcess() {}
