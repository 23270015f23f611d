// Command sshload measures `newsbrowse serve` under load over loopback:
// it starts the server on a collection, opens many SSH sessions with
// golang.org/x/crypto/ssh, has each move in the list, open an article,
// scroll it and go back, one key at a time, and prints key=value figures.
//
//	go run ./testdata/bench/sshload -bin NEWSBROWSE -coll DIR [-sessions 50] [-keys 64]
//	go run ./testdata/bench/sshload -bin NEWSBROWSE -coll DIR -scroll 20
//
// Figures: resident memory of the server per session (idle after the first
// frame, and peak), time from a key to the end of the frame it caused
// (p50, p99, max; a frame ends after -quiet without output, which is not
// counted), server CPU per key and this client's own CPU per key (it
// shares the machine's cores with the server), and with -scroll N the
// bytes per j of the reader on the collection's first article (for the
// comparison with less). -stalled K more sessions type keys but never
// read, to show that a stalled client slows no one. Each session types its
// next key once the previous frame ended: the key rate is what the
// sessions and -quiet allow. -spread D starts each session within D;
// without it all sessions type the same key at the same moment.
package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

type config struct {
	bin, coll, ready    string
	sessions, keys      int
	stalled, scroll     int
	width, height       int
	quiet, readyTimeout time.Duration
	spread              time.Duration
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "the newsbrowse binary")
	flag.StringVar(&c.coll, "coll", "", "the collection to serve")
	flag.StringVar(&c.ready, "ready", "articles", "text of the first full frame")
	flag.IntVar(&c.sessions, "sessions", 50, "concurrent sessions")
	flag.IntVar(&c.keys, "keys", 64, "keys per session")
	flag.IntVar(&c.stalled, "stalled", 0, "more sessions that type but never read")
	flag.IntVar(&c.scroll, "scroll", 0, "instead: bytes per j over N keys in the first article")
	flag.IntVar(&c.width, "width", 80, "terminal columns")
	flag.IntVar(&c.height, "height", 24, "terminal rows")
	flag.DurationVar(&c.quiet, "quiet", 40*time.Millisecond, "silence that ends a frame")
	flag.DurationVar(&c.readyTimeout, "timeout", 120*time.Second, "longest wait for a first frame")
	flag.DurationVar(&c.spread, "spread", 0, "start each session within this time (0: all at once, in step)")
	flag.Parse()
	if c.bin == "" || c.coll == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	dir, err := os.MkdirTemp("", "sshload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	signer, line, err := newKey()
	if err != nil {
		return err
	}
	hostKey := filepath.Join(dir, "host_key")
	if err := writeHostKey(hostKey); err != nil {
		return err
	}
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, []byte(line), 0o600); err != nil {
		return err
	}
	srv := exec.Command(c.bin, "serve", "--listen", "127.0.0.1:0", "--rate", "0", "--idle-timeout", "0",
		"--max-sessions", fmt.Sprint(c.sessions+c.stalled+8), "--authorized-keys", ak, "--host-key", hostKey, c.coll)
	srv.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"))
	stderr, err := srv.StderrPipe()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	addr, err := listening(bufio.NewScanner(stderr))
	if err != nil {
		return err
	}
	cfg := &gossh.ClientConfig{
		User: "bench", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second,
	}
	if c.scroll > 0 {
		return scrollBytes(c, addr, cfg)
	}
	return load(c, addr, cfg, srv.Process.Pid)
}

// listening reads the server's log until it listens, and keeps draining
// it so the server never blocks on its stderr.
func listening(sc *bufio.Scanner) (string, error) {
	re := regexp.MustCompile(`msg=listening addr=(\S+)`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			go func() {
				for sc.Scan() {
				}
			}()
			return m[1], nil
		}
	}
	return "", fmt.Errorf("the server did not start")
}

func newKey() (gossh.Signer, string, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, "", err
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, "", err
	}
	return s, string(gossh.MarshalAuthorizedKey(s.PublicKey())), nil
}

func writeHostKey(path string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		return err
	}
	return os.WriteFile(path, pem.EncodeToMemory(block), 0o600)
}

// procStatus reads a kB figure (VmRSS, VmHWM) of a process.
func procStatus(pid int, field string) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, field+":") {
			var kb int
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, field+":"), "kB")), &kb)
			return kb
		}
	}
	return 0
}

// cpuTicks is the user and system CPU time of a process, in clock ticks.
func cpuTicks(pid int) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		f := strings.Fields(s[i+1:])
		if len(f) > 12 {
			var u, k int
			fmt.Sscan(f[11], &u)
			fmt.Sscan(f[12], &k)
			return u + k
		}
	}
	return 0
}
