package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// waitFor polls the pane until it shows want (or fails after a while).
func (x tmux) waitFor(want string, escapes bool) string {
	x.t.Helper()
	args := []string{"capture-pane", "-p", "-t", "nb"}
	if escapes {
		args = append(args, "-e")
	}
	var s string
	for i := 0; i < 300; i++ { // up to 15 s on a loaded machine
		s = x.run(args...)
		if strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("the screen never showed %q:\n%s", want, s)
	return ""
}

func TestEndToEndInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsbrowse")
	if out, err := exec.Command("go", "build", "-o", bin, "newsbrowse").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	coll, _ := filepath.Abs("../testdata/collection")
	status := filepath.Join(dir, "status")
	x := tmux{t: t, sock: filepath.Join(dir, "sock")}
	script := shQuote(bin) + " " + shQuote(coll) + "; echo $? > " + shQuote(status) + "; sleep 30"
	x.run("-f", "/dev/null", "new-session", "-d", "-s", "nb", "-x", "100", "-y", "30",
		"env", "TERM=xterm-256color", "XDG_STATE_HOME="+dir, "LANG=C.UTF-8", "sh", "-c", script)
	defer exec.Command("tmux", "-S", x.sock, "kill-server").Run()

	x.waitFor("11 articles", false)
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
	x.waitFor("11 articles", false)
	x.run("send-keys", "-t", "nb", "q")
	for i := 0; i < 100; i++ {
		if b, err := os.ReadFile(status); err == nil {
			if got := strings.TrimSpace(string(b)); got != "0" {
				t.Fatalf("exit status %s", got)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("newsbrowse did not quit")
}

func displayWidth(s string) int {
	c := runewidth.Condition{StrictEmojiNeutral: true}
	return c.StringWidth(s)
}

// shQuote quotes s for sh, so a checkout path with spaces still works.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
