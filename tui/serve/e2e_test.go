package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// tmux drives OpenSSH's client in a terminal the way a reviewer does.
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

// waitFor polls the pane of session name until it shows want.
func (x tmux) waitFor(name, want string) string {
	x.t.Helper()
	var s string
	for i := 0; i < 300; i++ { // up to 15 s on a loaded machine
		s = x.run("capture-pane", "-p", "-t", name)
		if strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("%s never showed %q:\n%s", name, want, s)
	return ""
}

// writeKey writes a new private key for OpenSSH's client and returns its
// authorized_keys line.
func writeKey(t *testing.T, path string) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sshPub, _ := gossh.NewPublicKey(pub)
	return string(gossh.MarshalAuthorizedKey(sshPub))
}

func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// waitFile waits for a file's trimmed content.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	for i := 0; i < 300; i++ {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never written", path)
	return ""
}

func TestServeEndToEndWithOpenSSH(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs it)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsbrowse")
	if out, err := exec.Command("go", "build", "-o", bin, "newsbrowse").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	keyA, keyB, keyC := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c")
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte(writeKey(t, keyA)+writeKey(t, keyB)), 0o600)
	writeKey(t, keyC) // not in the file

	coll, _ := filepath.Abs("../../testdata/collection")
	server := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--authorized-keys", ak, coll)
	server.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"))
	logs := &syncBuffer{}
	server.Stderr = logs
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer server.Process.Kill()
	var port string
	waitFor(t, "the server to listen", func() bool {
		m := regexp.MustCompile(`msg=listening addr=127\.0\.0\.1:(\d+)`).FindStringSubmatch(logs.String())
		if m != nil {
			port = m[1]
		}
		return m != nil
	})
	sshArgs := func(key string) []string {
		return []string{"-F", "/dev/null", "-p", port, "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
			"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"}
	}

	x := tmux{t: t, sock: filepath.Join(dir, "sock")}
	defer exec.Command("tmux", "-S", x.sock, "kill-server").Run()
	open := func(name, key string) (status string) {
		status = filepath.Join(dir, name+".status")
		cmd := "ssh -tt"
		for _, a := range sshArgs(key) {
			cmd += " " + shQuote(a)
		}
		script := cmd + " 127.0.0.1; echo $? > " + shQuote(status) + "; sleep 60"
		args := []string{"new-session", "-d", "-s", name, "-x", "100", "-y", "30", "env", "TERM=xterm-256color", "LANG=C.UTF-8", "sh", "-c", script}
		if name == "a" {
			args = append([]string{"-f", "/dev/null"}, args...)
		}
		x.run(args...)
		return status
	}

	// browse, search, mark, quit
	status := open("a", keyA)
	x.waitFor("a", "12 articles")
	x.run("send-keys", "-t", "a", "C-z") // never suspends the server
	x.run("send-keys", "-t", "a", "/", "老街", "Enter", "Enter")
	x.waitFor("a", "500 城市更新中的老街故事")
	x.run("send-keys", "-t", "a", "/", "座谈会", "Enter")
	x.waitFor("a", "/座谈会 1/40")
	x.run("send-keys", "-t", "a", "m")
	x.waitFor("a", "marked 500")
	x.run("send-keys", "-t", "a", "q", "M")
	x.waitFor("a", "[marked only]")
	x.run("send-keys", "-t", "a", "q")
	if got := waitFile(t, status); got != "0" {
		t.Fatalf("ssh exit status %s after q, want 0", got)
	}

	// a second key sees none of the first key's marks
	status = open("b", keyB)
	x.waitFor("b", "12 articles")
	x.run("send-keys", "-t", "b", "M")
	x.waitFor("b", "No marked articles")
	// the session asked the client's terminal how wide “ ” … are
	x.run("send-keys", "-t", "b", "?", "G")
	x.waitFor("b", "(asked the terminal)")
	x.run("send-keys", "-t", "b", "?", "q")
	if got := waitFile(t, status); got != "0" {
		t.Fatalf("second key: ssh exit status %s, want 0", got)
	}

	// a key not in the file is refused
	out, err := exec.Command("ssh", append(sshArgs(keyC), "-tt", "127.0.0.1")...).CombinedOutput()
	if e, ok := err.(*exec.ExitError); !ok || e.ExitCode() != 255 || !bytes.Contains(out, []byte("Permission denied (publickey)")) {
		t.Fatalf("unknown key: %v %q", err, out)
	}

	// a remote command runs nothing
	out, err = exec.Command("ssh", append(sshArgs(keyA), "127.0.0.1", "cat", "/etc/passwd")...).CombinedOutput()
	if e, ok := err.(*exec.ExitError); !ok || e.ExitCode() != 1 || !bytes.Contains(out, []byte("ssh -t")) || bytes.Contains(out, []byte("root:")) {
		t.Fatalf("remote command: %v %q", err, out)
	}

	// SIGTERM ends the server and its sessions
	status = open("c", keyA)
	x.waitFor("c", "12 articles")
	server.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- server.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("server after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the server did not stop:\n%s", logs.String())
	}
	x.waitFor("c", "the server is shutting down")
	if got := waitFile(t, status); got == "0" {
		t.Errorf("a session ended by the shutdown exited 0")
	}

	log := logs.String()
	for _, want := range []string{"msg=login", `msg="session start"`, `msg="session end"`, "why=quit",
		`why="key not authorized"`, `why="remote command"`, "why=shutdown", "msg=stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}
