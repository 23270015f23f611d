package screen

import (
	"io"
	"os/exec"

	tea "charm.land/bubbletea/v2"
)

// Exec is tea.ExecProcess for a program started with Run: it runs c with
// the terminal handed over to it (main screen, the terminal's own mode)
// and takes the terminal back afterwards, painting the whole screen again.
// fn turns the command's error into the message the model gets, as with
// tea.ExecProcess. Outside Run it runs c like tea.ExecProcess does.
func Exec(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return tea.Exec(&execCommand{Cmd: c}, fn)
}

// execCommand is an exec.Cmd as a tea.ExecCommand that releases the
// session's terminal around the run.
type execCommand struct{ *exec.Cmd }

// SetStdin sets the command's standard input unless it has one.
func (c *execCommand) SetStdin(r io.Reader) {
	if c.Stdin == nil {
		c.Stdin = file(r)
	}
}

// SetStdout sets the command's standard output unless it has one.
func (c *execCommand) SetStdout(w io.Writer) {
	if c.Stdout == nil {
		c.Stdout = w
	}
}

// SetStderr sets the command's standard error unless it has one.
func (c *execCommand) SetStderr(w io.Writer) {
	if c.Stderr == nil {
		c.Stderr = w
	}
}

// Run runs the command between releasing and taking back the terminal.
func (c *execCommand) Run() error {
	s := active.Load()
	if s == nil {
		return c.Cmd.Run()
	}
	err := s.release()
	if err == nil {
		err = s.runChild(c.Cmd)
	}
	if rerr := s.reacquire(); err == nil {
		err = rerr
	}
	s.tickerOn = true // Bubble Tea starts its frame timer again after this
	return err
}
