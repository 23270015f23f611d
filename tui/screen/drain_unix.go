//go:build unix

package screen

import (
	"bytes"
	"errors"
	"io"
	"time"

	"golang.org/x/sys/unix"
)

// drain asks for the Primary Device Attributes and reads stdin until it
// holds the answer (CSI ? … c), for at most d.
func (t *tty) drain(out io.Writer, d time.Duration) {
	if _, err := io.WriteString(out, requestDA); err != nil {
		return
	}
	fd := int(t.in.Fd())
	deadline := time.Now().Add(d)
	var got []byte
	buf := make([]byte, 512)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(left/time.Millisecond)+1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n == 0 || fds[0].Revents&unix.POLLIN == 0 {
			return
		}
		m, err := unix.Read(fd, buf)
		if err != nil || m <= 0 {
			return
		}
		got = append(got, buf[:m]...)
		if answersDA(got) {
			return
		}
	}
}

// answersDA reports whether b holds a Primary Device Attributes answer.
func answersDA(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("\x1b[?"))
		if i < 0 {
			return false
		}
		b = b[i+3:]
		j := 0
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';') {
			j++
		}
		if j < len(b) && b[j] == 'c' {
			return true
		}
	}
}
