package tui

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
)

// tmux drives the real binary in a terminal the way a user does.
type tmux struct {
	t    *testing.T
	sock string
}

func (x tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.sock}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// waitFor waits until the pane shows want (or fails after a while). It
// looks again each time the program in the pane writes: a control-mode
// client (tmux -C) is told of every output, and neither sizes nor types
// into the window.
func (x tmux) waitFor(want string, escapes bool) string {
	x.t.Helper()
	ctl := exec.Command("tmux", "-S", x.sock, "-C", "attach", "-t", "nb", "-f", "ignore-size,read-only")
	in, err := ctl.StdinPipe() // held open: control mode ends at its end
	if err != nil {
		x.t.Fatal(err)
	}
	out, err := ctl.StdoutPipe()
	if err != nil {
		x.t.Fatal(err)
	}
	if err := ctl.Start(); err != nil {
		x.t.Fatal(err)
	}
	defer func() {
		in.Close()
		ctl.Process.Kill()
		ctl.Wait()
	}()
	attached := make(chan struct{})
	output := make(chan struct{}, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(nil, 1<<20)
		for first := true; sc.Scan(); first = false {
			if first {
				close(attached)
			}
			if strings.HasPrefix(sc.Text(), "%output ") {
				select {
				case output <- struct{}{}:
				default:
				}
			}
		}
	}()
	timeout := time.After(15 * time.Second) // on a loaded machine
	select {
	case <-attached:
	case <-timeout:
		x.t.Fatal("the control client did not attach")
	}
	args := []string{"capture-pane", "-p", "-t", "nb"}
	if escapes {
		args = append(args, "-e")
	}
	for {
		s := x.run(args...)
		if strings.Contains(s, want) {
			return s
		}
		select {
		case <-output:
		case <-timeout:
			x.t.Fatalf("the screen never showed %q:\n%s", want, s)
		}
	}
}

// e2e is the real binary, built afresh, and a tmux server on a socket of
// its own, both in dir.
type e2e struct {
	tmux
	dir, bin, coll string
}

// newE2E skips the test without tmux, builds the binary and names the
// sample collection.
func newE2E(t *testing.T) e2e {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsbrowse")
	if out, err := exec.Command("go", "build", "-o", bin, "newsbrowse").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	coll, _ := filepath.Abs("../testdata/collection")
	return e2e{tmux: tmux{t: t, sock: filepath.Join(dir, "sock")}, dir: dir, bin: bin, coll: coll}
}

// start runs script in session nb, cols×30, with its own state directory;
// the tmux server is killed when the test ends.
func (x e2e) start(cols int, script string) {
	x.t.Helper()
	x.run("-f", "/dev/null", "new-session", "-d", "-s", "nb", "-x", strconv.Itoa(cols), "-y", "30",
		"env", "TERM=xterm-256color", "XDG_STATE_HOME="+filepath.Join(x.dir, "state"), "LANG=C.UTF-8", "sh", "-c", script)
	x.t.Cleanup(func() {
		exec.Command("tmux", "-S", x.sock, "kill-server").Run()
		// the hangup lets the program write its state before it ends:
		// the state directory is removed only once it has
		waitExited(x.t, x.bin)
	})
}

// waitExited waits until no process runs the program at path, looking at
// /proc (where there is none, it returns at once).
func waitExited(t *testing.T, path string) {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		exes, _ := filepath.Glob("/proc/[0-9]*/exe")
		running := false
		for _, exe := range exes {
			if target, err := os.Readlink(exe); err == nil && target == path {
				running = true
				break
			}
		}
		if !running {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("%s still runs 15 s after its terminal was closed", path)
}

func TestEndToEndInTmux(t *testing.T) {
	x := newE2E(t)
	status := filepath.Join(x.dir, "status")
	x.start(100, shQuote(x.bin)+" "+shQuote(x.coll)+"; echo $? > "+shQuote(status)+
		"; tmux -S "+shQuote(x.sock)+" wait-for -S quit; sleep 30")

	x.waitFor("12 articles", false)
	// open the long article through the filter, then search in it
	x.run("send-keys", "-t", "nb", "/", "老街", "Enter", "Enter")
	x.waitFor("500 城市更新中的老街故事", false)
	x.run("send-keys", "-t", "nb", "/", "座谈会", "Enter")
	screen := x.waitFor("/座谈会 1/40", false)
	x.run("send-keys", "-t", "nb", "n")
	screen = x.waitFor("/座谈会 2/40", false)

	// the highlight is drawn with an escape sequence around the match
	colored := x.waitFor("/座谈会 2/40", true)
	hl := regexp.MustCompile(`\x1b\[[0-9;]*m座谈会`)
	if len(hl.FindAllString(colored, -1)) < 2 {
		t.Fatalf("matches are not highlighted:\n%q", colored)
	}

	// a resize re-wraps and keeps the reader on the same text
	x.run("resize-window", "-t", "nb", "-x", "60", "-y", "20")
	screen = x.waitFor("/座谈会 2/40", false)
	if !strings.Contains(screen, "座谈会") {
		t.Fatalf("after the resize the match left the screen:\n%s", screen)
	}
	for _, line := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		if w := displayWidth(line); w > 60 {
			t.Fatalf("line wider than the window (%d): %q", w, line)
		}
	}

	x.run("send-keys", "-t", "nb", "q")
	x.waitFor("12 articles", false)
	x.run("send-keys", "-t", "nb", "q")
	// the shell signals quit once newsbrowse has exited and its status is
	// written
	wait := exec.Command("tmux", "-S", x.sock, "wait-for", "quit")
	if err := runWithin(wait, 15*time.Second); err != nil {
		t.Fatalf("newsbrowse did not quit: %v", err)
	}
	b, err := os.ReadFile(status)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != "0" {
		t.Fatalf("exit status %s", got)
	}
}

// runWithin runs c, killing it after d.
func runWithin(c *exec.Cmd, d time.Duration) error {
	if err := c.Start(); err != nil {
		return err
	}
	timer := time.AfterFunc(d, func() { c.Process.Kill() })
	defer timer.Stop()
	return c.Wait()
}

func displayWidth(s string) int {
	c := runewidth.Condition{StrictEmojiNeutral: true}
	return c.StringWidth(s)
}

// shQuote quotes s for sh, so a checkout path with spaces still works.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
