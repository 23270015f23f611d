//go:build linux

package screen

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"
)

// ptyProgram starts the test binary's helper named by mode on a new
// pseudo-terminal of w×h, through sh -c script when script is not empty
// ("$0" in it runs the helper), and records what it writes.
func ptyProgram(t *testing.T, mode string, w, h int, script string) (cmd *exec.Cmd, master, slave *os.File, out *recorder) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a process")
	}
	master, slave = openPty(t)
	t.Cleanup(func() { master.Close(); slave.Close() })
	setSize(t, master, w, h)
	modesBefore.Store(slave, lflag(t, slave))
	cmd = exec.Command(os.Args[0], "-test.run=^TestPtyHelper$")
	if script != "" {
		cmd = exec.Command("sh", "-c", script, os.Args[0])
	}
	cmd.Env = append(os.Environ(), ptyHelperEnv+"="+mode, "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	out = &recorder{}
	go func() { _, _ = io.Copy(out, master) }()
	return cmd, master, slave, out
}

// modesBefore holds the mode of each terminal ptyProgram made, read
// before the program started (after, it may have made it raw already).
var modesBefore sync.Map

// modeBefore is the mode the terminal slave had before its program started.
func modeBefore(slave *os.File) uint32 {
	m, _ := modesBefore.Load(slave)
	return m.(uint32)
}

// pending is the number of bytes waiting to be read on the terminal.
func pending(t *testing.T, f *os.File) int {
	t.Helper()
	var n int32
	if err := ioctl(f, syscall.TIOCINQ, unsafe.Pointer(&n)); err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// TestExitDrainsLateAnswers: the answer to the background colour query
// comes after the program gave the terminal back; it must not be left for
// the shell to read.
func TestExitDrainsLateAnswers(t *testing.T) {
	// A shell leads the terminal's session, as it does for a user: the
	// program's end is not the session's end, which would flush the input.
	_, master, slave, out := ptyProgram(t, "asker", 20, 5,
		`"$0" -test.run='^TestPtyHelper$'; echo "exit $?"; sleep 30`)
	waitFor(t, "the first screen", func() bool { return bytes.Contains(out.bytes(), []byte("ready")) })
	master.WriteString("q")
	waitFor(t, "the terminal given back", func() bool { return bytes.Contains(out.bytes(), []byte(leaveSeq)) })
	master.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c")
	waitFor(t, "the program's end", func() bool { return bytes.Contains(out.bytes(), []byte("exit 0")) })
	var tio syscall.Termios
	if err := ioctl(slave, syscall.TCGETS, unsafe.Pointer(&tio)); err != nil {
		t.Fatal(err)
	}
	tio.Lflag &^= syscall.ICANON // count what waits, not only whole lines
	if err := ioctl(slave, syscall.TCSETS, unsafe.Pointer(&tio)); err != nil {
		t.Fatal(err)
	}
	if n := pending(t, slave); n != 0 {
		t.Errorf("%d bytes of answers left for the shell", n)
	}
	if b := out.bytes(); bytes.Contains(b[bytes.Index(b, []byte(leaveSeq)):], []byte("rgb")) {
		t.Errorf("the answer was echoed: %q", b)
	}
}

// ptyHelper runs the program the pty test of that mode drives and returns
// the exit status.
func ptyHelper(mode string) int {
	var err error
	switch mode {
	case "asker":
		err = Run(asker{}, narrow, false)
	case "pager":
		m := &pager{run: func() tea.Cmd {
			c := exec.Command("sh", "-c", "echo child-ran $$; exec sleep 60")
			return Exec(c, func(err error) tea.Msg { return execDoneMsg{err} })
		}}
		err = Run(keys{pager: m}, narrow, false)
	case "stuck":
		err = Run(keys{pager: &pager{}, stuck: true}, narrow, false)
	default:
		return 3
	}
	var ended ExitError
	if errors.As(err, &ended) {
		return ended.Code
	}
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 1
	}
	return 0
}
