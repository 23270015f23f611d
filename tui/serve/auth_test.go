package serve

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestParseAuthorizedKeys(t *testing.T) {
	a, b := authorizedLine(newSigner(t)), authorizedLine(newSigner(t))
	for _, tc := range []struct {
		name, file string
		keys       int
		skipped    string
	}{
		{"empty", "", 0, ""},
		{"comments and blanks", "# a comment\n\n   \n", 0, ""},
		{"two keys", a + b, 2, ""},
		{"garbage line is skipped, not fatal", "not a key\n" + a, 1, "line 1: not a public key"},
		{"harmless options", "restrict,no-port-forwarding " + a, 1, ""},
		{"from= cannot be honoured", `from="10.0.0.0/8" ` + a, 0, "option from is not supported"},
		{"forced command", `command="ls" ` + a, 0, "option command is not supported"},
		{"no-pty", "no-pty " + a, 0, "option no-pty is not supported"},
		{"one good of two", `from="x" ` + a + b, 1, "line 1"},
	} {
		keys, skipped := parseAuthorizedKeys([]byte(tc.file))
		if len(keys) != tc.keys {
			t.Errorf("%s: %d keys, want %d", tc.name, len(keys), tc.keys)
		}
		if got := strings.Join(skipped, "; "); !strings.Contains(got, tc.skipped) || (tc.skipped == "" && got != "") {
			t.Errorf("%s: skipped %q, want %q", tc.name, got, tc.skipped)
		}
	}
}

// Without a usable key the server does not start: it never runs open.
func TestNewRefusesWithoutUsableKey(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty":       "",
		"comments":    "# nobody\n",
		"unsupported": `from="10.0.0.1" ` + authorizedLine(newSigner(t)),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o600)
		_, err := New(Config{AuthorizedKeys: path, StateDir: dir, MaxSessions: 1})
		if !errors.Is(err, ErrNoKeys) {
			t.Errorf("%s: New = %v, want ErrNoKeys", name, err)
		}
	}
	if _, err := New(Config{AuthorizedKeys: filepath.Join(dir, "missing"), StateDir: dir, MaxSessions: 1}); err == nil {
		t.Error("New with a missing authorized keys file succeeded")
	}
}

func TestHostKeyGeneratedOncePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s1, path, err := hostSigner("", dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 || filepath.Dir(path) != dir {
		t.Fatalf("host key %s: %v %v", path, st.Mode(), err)
	}
	s2, _, err := hostSigner("", dir)
	if err != nil || Fingerprint(s1.PublicKey()) != Fingerprint(s2.PublicKey()) {
		t.Fatalf("second start: another host key (%v)", err)
	}
	os.Chmod(path, 0o644)
	if _, _, err := hostSigner(path, ""); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key others may read: %v", err)
	}
}

func TestRefusedLogins(t *testing.T) {
	ts := start(t, nil)
	if _, err := ts.dial(newSigner(t)); err == nil {
		t.Fatal("a key not in the file logged in")
	}
	_, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: "reviewer", HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth: []gossh.AuthMethod{gossh.Password("secret"), gossh.KeyboardInteractive(
			func(string, string, []string, []bool) ([]string, error) { return []string{"secret"}, nil })},
	})
	if err == nil {
		t.Fatal("password or keyboard-interactive logged in")
	}
	waitFor(t, "two refusals in the log", func() bool { return strings.Count(ts.log.String(), "msg=refused") == 2 })
	log := ts.log.String()
	if !strings.Contains(log, `why="key not authorized" key=SHA256:`) || !strings.Contains(log, `why="no authorized public key offered"`) {
		t.Errorf("log:\n%s", log)
	}
}

// A key removed from the file is refused from the next login on.
func TestKeyRemovedFromFileIsRefused(t *testing.T) {
	ts := start(t, nil)
	c, err := ts.dial(ts.key)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	other := newSigner(t)
	os.WriteFile(ts.cfg.AuthorizedKeys, []byte("# emptied, then another key\n"+authorizedLine(other)), 0o600)
	if _, err := ts.dial(ts.key); err == nil {
		t.Fatal("a removed key logged in")
	}
	c, err = ts.dial(other)
	if err != nil {
		t.Fatalf("the added key: %v", err)
	}
	c.Close()
}

func TestRateLimitPerAddress(t *testing.T) {
	ts := start(t, func(c *Config) { c.RatePerMinute = 2 })
	for i := range 2 {
		c, err := ts.dial(ts.key)
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		c.Close()
	}
	if _, err := ts.dial(ts.key); err == nil {
		t.Fatal("a third connection within the minute was let in")
	}
	if log := ts.log.String(); !strings.Contains(log, `why="too many new connections from this address"`) {
		t.Errorf("log:\n%s", log)
	}
}
