//go:build linux

package screen

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
)

const ptyHelperEnv = "SCREEN_PTY_HELPER"

// TestPtyHelper is the program TestRunOnPty starts on a pseudo-terminal.
func TestPtyHelper(t *testing.T) {
	switch os.Getenv(ptyHelperEnv) {
	case "":
		t.Skip("started by the pty tests only")
	case "1":
	default:
		os.Exit(ptyHelper(os.Getenv(ptyHelperEnv)))
	}
	m := &pager{run: func() tea.Cmd {
		return Exec(exec.Command("sh", "-c", "echo child-ran"), func(err error) tea.Msg { return execDoneMsg{err} })
	}}
	err := Run(keys{pager: m}, narrow, false)
	if err != nil || !m.execDone || m.execErr != nil {
		fmt.Fprintf(os.Stderr, "run: %v, command done %v: %v\n", err, m.execDone, m.execErr)
		os.Exit(1)
	}
	os.Exit(0)
}

// keys maps the keys of the pty test to the pager's messages.
type keys struct {
	*pager
	stuck bool // deaf to EndingMsg, as a model busy for ever
}

// saveEnv names the file the pty helper's model writes when it is told it
// is being ended, after a save as slow as a disk can be.
const saveEnv = "NEWSBROWSE_TEST_SAVE_TO"

func (k keys) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(EndingMsg); ok {
		path := os.Getenv(saveEnv)
		if k.stuck {
			return k, nil
		}
		if path == "" {
			return k, tea.Quit
		}
		return k, func() tea.Msg {
			time.Sleep(300 * time.Millisecond)
			_ = os.WriteFile(path, []byte("saved"), 0o600)
			return tea.QuitMsg{}
		}
	}
	if key, ok := msg.(tea.KeyPressMsg); ok {
		switch key.String() {
		case "j":
			msg = scrollMsg{}
		case "ctrl+z":
			return k, tea.Suspend
		case "q":
			return k, tea.Quit
		}
	}
	_, cmd := k.pager.Update(msg)
	return k, cmd
}

func ioctl(f *os.File, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

// openPty returns the two ends of a new pseudo-terminal.
func openPty(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	var unlock int32
	var n uint32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Fatal(err)
	}
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Fatal(err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return master, slave
}

func setSize(t *testing.T, f *os.File, w, h int) {
	t.Helper()
	ws := [4]uint16{uint16(h), uint16(w), 0, 0}
	if err := ioctl(f, syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		t.Fatal(err)
	}
}

func lflag(t *testing.T, f *os.File) uint32 {
	t.Helper()
	var tio syscall.Termios
	if err := ioctl(f, syscall.TCGETS, unsafe.Pointer(&tio)); err != nil {
		t.Fatal(err)
	}
	return tio.Lflag
}

// screenBytes is what the program painted, without the sequences that
// switch screens and modes (the model terminal has one screen and no modes).
func screenBytes(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte(enterSeq), nil)
	return bytes.ReplaceAll(b, []byte(leaveSeq), nil)
}

// TestRunOnPty runs a program with Run on a pseudo-terminal: raw mode, the
// first screen, a scroll, a resize, a command run with Exec and the
// terminal as it was at the end.
func TestRunOnPty(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	master, slave := openPty(t)
	defer master.Close()
	setSize(t, master, 40, 10)
	cooked := lflag(t, slave)

	cmd := exec.Command(os.Args[0], "-test.run=^TestPtyHelper$")
	cmd.Env = append(os.Environ(), ptyHelperEnv+"=1", "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() // when the test fails half way
	out := &recorder{}
	copied := make(chan struct{})
	go func() {
		_, _ = io.Copy(out, master)
		close(copied)
	}()
	showing := func(w, h, top int) func() bool {
		return func() bool {
			return shows(lastFullRepaint(screenBytes(out.bytes())), m0(w, h, top), w, h) == nil
		}
	}

	waitFor(t, "the first screen", showing(40, 10, 0))
	if lflag(t, slave)&(syscall.ICANON|syscall.ECHO) != 0 {
		t.Error("the terminal is not in raw mode")
	}
	before := len(out.bytes())
	master.WriteString("j")
	waitFor(t, "the scrolled screen", showing(40, 10, 1))
	if n := len(out.bytes()) - before; n > 120 {
		t.Errorf("scrolling one line wrote %d bytes: %q", n, out.bytes()[before:])
	}

	setSize(t, master, 30, 8)
	waitFor(t, "the resized screen", showing(30, 8, 1))

	before = len(out.bytes())
	master.WriteString("x")
	done := (&pager{w: 30, h: 8, top: 1, execDone: true}).View().Content
	waitFor(t, "the screen after the command", func() bool {
		b := out.bytes()[before:]
		i := bytes.Index(b, []byte("child-ran"))
		return i >= 0 && bytes.Contains(b[i:], []byte(enterSeq)) &&
			shows(lastFullRepaint(screenBytes(out.bytes())), done, 30, 8) == nil
	})
	b := out.bytes()[before:]
	if i, j := bytes.Index(b, []byte(leaveSeq)), bytes.Index(b, []byte("child-ran")); i < 0 || i > j {
		t.Errorf("the command ran before the terminal was handed over: %q", b)
	}
	if i := bytes.Index(b, []byte(enterSeq)); i < 0 || !bytes.HasPrefix(b[i+len(enterSeq):], []byte(wipe)) {
		t.Errorf("no full repaint after the command: %q", b)
	}

	master.WriteString("q")
	if err := cmd.Wait(); err != nil {
		t.Errorf("program: %v\n%q", err, out.bytes())
	}
	if got := lflag(t, slave); got != cooked {
		t.Errorf("terminal mode after the program %#x, want %#x", got, cooked)
	}
	slave.Close()
	<-copied
	if b := out.bytes(); !bytes.HasSuffix(b, []byte(leaveSeq+requestDA)) {
		t.Errorf("output does not end with %q: %q", leaveSeq+requestDA, b[max(0, len(b)-200):])
	}
	if strings.Count(string(out.bytes()), enterSeq) != 2 {
		t.Errorf("want the screen entered twice (start, after the command)")
	}
}
