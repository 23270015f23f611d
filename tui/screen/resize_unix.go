//go:build unix

package screen

import (
	"os"
	"os/signal"
	"syscall"
)

const resizeSupported = true

// watchResize tells s about every SIGWINCH until the returned function is
// called.
func watchResize(s *session) func() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-quit:
				return
			case <-sig:
				s.resized()
			}
		}
	}()
	return func() {
		signal.Stop(sig)
		close(quit)
		<-done
	}
}
