package screen

import (
	"errors"
	"os"
	"os/exec"
	"time"
)

// ExitError is returned by Run and RunOn when the program was ended from
// outside: by a signal, or by its terminal going away. Code is the exit
// status a shell expects, 128 plus the signal's number.
type ExitError struct {
	Code   int
	Reason string
}

func (e ExitError) Error() string { return e.Reason }

// childGrace is how long a child program holding the terminal has to end
// once it was asked to, before it is killed.
const childGrace = 2 * time.Second

// endGrace is how long a program told it is being ended (EndingMsg) has
// to quit by itself, saving what it must, before it is stopped.
const endGrace = 2500 * time.Millisecond

// EndingMsg tells the model that the program is being ended from outside:
// by a signal, or by the end of the connection or the server it runs on.
// The terminal is already given back. The model has endGrace to finish
// what must not be lost (a save being written) and quit; after that the
// program is stopped whatever it is doing.
type EndingMsg struct{ Reason string }

// errEnding is what a child program gets that would start while the
// program is being ended.
var errEnding = errors.New("the program is ending")

// end ends the program from outside: the child program holding the
// terminal, if any, gets sig and, if it does not end within childGrace, is
// killed; the terminal is given back; the model is told (EndingMsg) and
// given endGrace to quit by itself; then the program stops, and its Run
// returns why. The first reason given wins. sig nil: there is no child to
// signal (a remote session never has one).
func (s *session) end(why ExitError, sig os.Signal) {
	s.mu.Lock()
	if s.ended == nil {
		s.ended = &why
	}
	child, done := s.child, s.childDone
	s.mu.Unlock()
	if child != nil && sig != nil {
		_ = child.Process.Signal(sig)
		select {
		case <-done:
		case <-time.After(childGrace):
			_ = child.Process.Kill()
			select {
			case <-done:
			case <-time.After(childGrace):
			}
		}
	}
	s.close()
	if s.send != nil {
		// Send waits for the event loop: a model that is stuck must not
		// hold the end, and the kill below releases the send.
		go s.send(EndingMsg{Reason: why.Reason})
		select {
		case <-s.done:
		case <-time.After(endGrace):
		}
	}
	if s.kill != nil {
		s.kill()
	}
}

// endedBy is why the program was ended from outside, or nil.
func (s *session) endedBy() *ExitError {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ended
}

// runChild runs c, which holds the terminal while the session has released
// it, as the child that end ends with the program.
func (s *session) runChild(c *exec.Cmd) error {
	s.mu.Lock()
	if s.ended != nil || s.closed {
		s.mu.Unlock()
		return errEnding
	}
	if err := c.Start(); err != nil {
		s.mu.Unlock()
		return err
	}
	done := make(chan struct{})
	s.child, s.childDone = c, done
	s.mu.Unlock()

	err := c.Wait()
	s.mu.Lock()
	s.child, s.childDone = nil, nil
	s.mu.Unlock()
	close(done)
	return err
}
