//go:build unix

package screen

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const resizeSupported = true

// The end of a program whose terminal went away: as after a hangup.
var (
	closedExit           = signalExit(syscall.SIGHUP)
	hangup     os.Signal = syscall.SIGHUP
)

// signalExit is the ExitError of a program ended by sig: status 128+sig.
func signalExit(sig syscall.Signal) ExitError {
	return ExitError{Code: 128 + int(sig), Reason: fmt.Sprintf("ended by %v", sig)}
}

// exitGrace is how long the program has to end after a signal ended it
// before the process exits without it: time for its child program to end
// or be killed, for the model to quit by itself (see session.end), and one
// second more for the program to stop once killed.
const exitGrace = 2*childGrace + endGrace + time.Second

// watchSignals follows the process's signals for s until the returned
// function is called: SIGWINCH tells the new size, SIGTSTP suspends the
// program, and SIGHUP, SIGINT, SIGQUIT and SIGTERM end it (see
// session.end) with status 128+signal. A signal ignored when the process
// started (nohup ignores SIGHUP) stays ignored.
func watchSignals(s *session) func() {
	resize := make(chan os.Signal, 1)
	signal.Notify(resize, syscall.SIGWINCH, syscall.SIGTSTP)
	var ending []os.Signal
	for _, sig := range []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM} {
		if !signal.Ignored(sig) {
			ending = append(ending, sig)
		}
	}
	end := make(chan os.Signal, 1)
	signal.Notify(end, ending...)

	quit, done := make(chan struct{}), make(chan struct{}, 2)
	go func() { // sizes and suspends, which may wait for the program
		defer func() { done <- struct{}{} }()
		for {
			select {
			case <-quit:
				return
			case sig := <-resize:
				if sig == syscall.SIGTSTP {
					s.suspend()
				} else {
					s.resized()
				}
			}
		}
	}()
	var timer *time.Timer
	go func() { // never behind a size the program has not taken yet
		defer func() { done <- struct{}{} }()
		select {
		case <-quit:
		case sig := <-end:
			why := signalExit(sig.(syscall.Signal))
			timer = time.AfterFunc(exitGrace, func() { os.Exit(why.Code) })
			child := sig
			if sig != syscall.SIGHUP {
				child = syscall.SIGTERM
			}
			s.end(why, child)
		}
	}()
	return func() {
		signal.Stop(resize)
		signal.Stop(end)
		close(quit)
		<-done
		<-done
		if timer != nil {
			timer.Stop()
		}
	}
}

// suspend stops the process as less does: the terminal is given back, the
// process stops, and once it continues (fg) the terminal is taken back and
// the whole screen painted again. While a child program holds the terminal
// only the process stops.
func (s *session) suspend() {
	s.mu.Lock()
	owned := !s.released && !s.closed
	s.mu.Unlock()
	if owned {
		_ = s.release()
	}
	if s.stop != nil {
		s.stop()
	}
	if owned {
		_ = s.reacquire()
	}
}

// stopProcess stops the process until it is continued (SIGCONT). The stop
// takes effect some time after kill returns: the SIGCONT is waited for.
func stopProcess() {
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	defer signal.Stop(cont)
	_ = syscall.Kill(syscall.Getpid(), syscall.SIGSTOP)
	<-cont
}
