package serve

import (
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkKeyToFrame is one key in the list of a served session and the
// frame it brings back, client and server in this process.
func BenchmarkKeyToFrame(b *testing.B) {
	ts := start(b, nil)
	c, err := ts.dial(ts.key)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	out, _ := sess.StdoutPipe()
	in, _ := sess.StdinPipe()
	sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
	if err := sess.Shell(); err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	seen := ""
	for len(seen) < 64<<10 && !strings.Contains(seen, "12 articles") {
		n, err := out.Read(buf)
		if err != nil {
			b.Fatal(err)
		}
		seen += string(buf[:n])
	}
	b.ResetTimer()
	for i := range b.N {
		io.WriteString(in, []string{"j", "k"}[i%2])
		if _, err := out.Read(buf); err != nil {
			b.Fatal(err)
		}
	}
}
