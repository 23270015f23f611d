//go:build linux

package screen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// exited waits for cmd to end and returns its exit status (128+signal when
// a signal killed it).
func exited(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return 128 + int(ws.Signal())
			}
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(15 * time.Second):
		t.Fatal("the program did not end")
	}
	return -1
}

// given back checks that the terminal is as before the program: cooked
// mode, and the last thing written gives the screen back.
func givenBack(t *testing.T, slave *os.File, cooked uint32, out *recorder) {
	t.Helper()
	if got := lflag(t, slave); got != cooked {
		t.Errorf("terminal mode %#x, want %#x", got, cooked)
	}
	b := out.bytes()
	if i, j := bytes.LastIndex(b, []byte(leaveSeq)), bytes.LastIndex(b, []byte(enterSeq)); i < j {
		t.Errorf("the screen was not given back: %q", b[max(0, len(b)-300):])
	}
}

func firstScreen(t *testing.T, out *recorder) {
	t.Helper()
	waitFor(t, "the first screen", func() bool {
		return shows(lastFullRepaint(screenBytes(out.bytes())), m0(30, 6, 0), 30, 6) == nil
	})
}

// TestSignalsEndTheProgram: SIGHUP, SIGINT, SIGQUIT and SIGTERM give the
// terminal back and end the program with status 128+signal.
func TestSignalsEndTheProgram(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, _, slave, out := ptyProgram(t, "pager", 30, 6, "")
			cooked := modeBefore(slave)
			firstScreen(t, out)
			_ = cmd.Process.Signal(sig)
			if code := exited(t, cmd); code != 128+int(sig) {
				t.Errorf("exit status %d, want %d; output %q", code, 128+int(sig), out.bytes())
			}
			givenBack(t, slave, cooked, out)
		})
	}
}

// TestSignalLetsTheModelFinish: a model told it is being ended (a save
// still being written when SIGTERM came) finishes before the process
// exits, which still exits with 143 and gives the terminal back.
func TestSignalLetsTheModelFinish(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "saved")
	t.Setenv(saveEnv, saved)
	cmd, _, slave, out := ptyProgram(t, "pager", 30, 6, "")
	cooked := modeBefore(slave)
	firstScreen(t, out)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if code := exited(t, cmd); code != 143 {
		t.Errorf("exit status %d, want 143", code)
	}
	if b, err := os.ReadFile(saved); string(b) != "saved" {
		t.Errorf("the model's save did not finish: %q, %v", b, err)
	}
	givenBack(t, slave, cooked, out)
}

// TestSignalEndsAStuckModel: a model that never quits when told is stopped
// after the grace, with the same status.
func TestSignalEndsAStuckModel(t *testing.T) {
	cmd, _, slave, out := ptyProgram(t, "stuck", 30, 6, "")
	cooked := modeBefore(slave)
	firstScreen(t, out)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if code := exited(t, cmd); code != 143 {
		t.Errorf("exit status %d, want 143", code)
	}
	givenBack(t, slave, cooked, out)
}

// TestSignalEndsTheChild: SIGTERM while a child program holds the terminal
// ends the child and the program.
func TestSignalEndsTheChild(t *testing.T) {
	cmd, master, slave, out := ptyProgram(t, "pager", 30, 6, "")
	cooked := modeBefore(slave)
	firstScreen(t, out)
	master.WriteString("x")
	var pid int
	waitFor(t, "the child", func() bool {
		b := out.bytes()
		i := bytes.Index(b, []byte("child-ran "))
		if i < 0 {
			return false
		}
		f := strings.Fields(string(b[i+len("child-ran "):]))
		if len(f) == 0 || !strings.HasSuffix(string(b), "\n") && len(f) == 1 {
			return false
		}
		pid, _ = strconv.Atoi(f[0])
		return pid > 0
	})
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if code := exited(t, cmd); code != 143 {
		t.Errorf("exit status %d, want 143", code)
	}
	if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("the child %d still runs (%v)", pid, err)
	}
	givenBack(t, slave, cooked, out)
}

// TestClosedTerminalEndsTheProgram: with SIGHUP ignored (nohup), a closed
// terminal still ends the program.
func TestClosedTerminalEndsTheProgram(t *testing.T) {
	cmd, _, slave, out := ptyProgram(t, "pager", 30, 6, `trap "" HUP; exec "$0" -test.run='^TestPtyHelper$'`)
	firstScreen(t, out)
	// What the kernel does when the terminal's other end closes (the
	// master stays open here: the goroutine reading it would hold it).
	if err := ioctl(slave, 0x5437 /* TIOCVHANGUP */, nil); err != nil {
		t.Skipf("cannot hang the terminal up: %v", err)
	}
	if code := exited(t, cmd); code != 129 {
		t.Errorf("exit status %d, want 129", code)
	}
}

// stopped waits until the process is stopped. A loaded machine may take
// seconds to stop every thread of it.
func stopped(t *testing.T, pid int) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			t.Fatal(err)
		}
		if f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:])); f[0] == "T" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the process did not stop")
		}
		time.Sleep(10 * time.Millisecond) // /proc is slow to read: poll gently
	}
}

// TestSuspendAndContinue: ctrl+z and an outside SIGTSTP give the terminal
// back and stop the process; after SIGCONT (fg) the program takes the
// terminal back and paints the whole screen again.
func TestSuspendAndContinue(t *testing.T) {
	cmd, master, slave, out := ptyProgram(t, "pager", 30, 6, "")
	cooked := modeBefore(slave)
	firstScreen(t, out)
	for _, stop := range []func(){
		func() { master.WriteString("\x1a") },
		func() { _ = cmd.Process.Signal(syscall.SIGTSTP) },
	} {
		before := len(out.bytes())
		stop()
		stopped(t, cmd.Process.Pid)
		waitFor(t, "the screen given back", func() bool {
			return bytes.Contains(out.bytes()[before:], []byte(leaveSeq))
		})
		givenBack(t, slave, cooked, out)
		_ = cmd.Process.Signal(syscall.SIGCONT)
		waitFor(t, "the screen again", func() bool {
			b := out.bytes()[before:]
			i := bytes.LastIndex(b, []byte(enterSeq))
			return i >= 0 && shows(b[i+len(enterSeq):], m0(30, 6, 0), 30, 6) == nil
		})
		if lflag(t, slave)&(syscall.ICANON|syscall.ECHO) != 0 {
			t.Error("the terminal is not in raw mode after continuing")
		}
	}
	master.WriteString("q")
	if code := exited(t, cmd); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
