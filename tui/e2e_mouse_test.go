package tui

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// An SGR wheel event, as a terminal sends it with button and wheel
// reporting on, scrolls the reader of the real binary.
func TestWheelInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsbrowse")
	if out, err := exec.Command("go", "build", "-o", bin, "newsbrowse").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	coll, _ := filepath.Abs("../testdata/collection")
	x := tmux{t: t, sock: filepath.Join(dir, "sock")}
	x.run("-f", "/dev/null", "new-session", "-d", "-s", "nb", "-x", "80", "-y", "30",
		"env", "TERM=xterm-256color", "XDG_STATE_HOME="+filepath.Join(dir, "state"), "LANG=C.UTF-8",
		"sh", "-c", shQuote(bin)+" "+shQuote(coll)+"; sleep 30")
	defer exec.Command("tmux", "-S", x.sock, "kill-server").Run()

	x.waitFor("12 articles", false)
	x.run("send-keys", "-t", "nb", "/", "老街", "Enter", "Enter")
	x.waitFor("[图片]", false)          // only the reader shows it at 80 columns
	screen := x.waitFor(" 1/", false) // its position, once laid out
	m := regexp.MustCompile(` 1/(\d+) `).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no position in the status line:\n%s", screen)
	}
	// wheel down at column 10, row 5 (SGR 1006: button 65)
	x.run("send-keys", "-t", "nb", "-l", "\x1b[<65;10;5M")
	x.waitFor(" 4/"+m[1]+" ", false)
	x.run("send-keys", "-t", "nb", "-l", "\x1b[<64;10;5M")
	x.waitFor(" 1/"+m[1]+" ", false)
}

// Y puts the title and path on the clipboard through OSC 52: tmux, with
// set-clipboard on, makes a paste buffer of it.
func TestCopyTitleInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsbrowse")
	if out, err := exec.Command("go", "build", "-o", bin, "newsbrowse").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	coll, _ := filepath.Abs("../testdata/collection")
	x := tmux{t: t, sock: filepath.Join(dir, "sock")}
	x.run("-f", "/dev/null", "new-session", "-d", "-s", "nb", "-x", "80", "-y", "30",
		"env", "TERM=xterm-256color", "XDG_STATE_HOME="+filepath.Join(dir, "state"), "LANG=C.UTF-8",
		"sh", "-c", shQuote(bin)+" "+shQuote(coll)+"; sleep 30")
	defer exec.Command("tmux", "-S", x.sock, "kill-server").Run()
	x.run("set-option", "-s", "set-clipboard", "on")

	x.waitFor("12 articles", false)
	x.run("send-keys", "-t", "nb", "/", "冰灯", "Enter", "Y")
	x.waitFor("copied the title and path", false)
	// the clipboard write goes out before the frames that follow it
	x.run("send-keys", "-t", "nb", "Escape")
	x.waitFor("老街", false) // the filter cleared
	buf := x.run("show-buffer")
	if buf != "306 长春冰灯艺术节开幕，夜游线路受欢迎\n306长春冰灯艺术节开幕，夜游线路受欢迎.txt" {
		t.Fatalf("tmux buffer %q", buf)
	}
}
