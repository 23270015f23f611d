package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// chunk is one read of a session's output.
type chunk struct {
	at time.Time
	n  int
}

// client is one SSH session with a pty.
type client struct {
	conn   *gossh.Client
	in     io.WriteCloser
	chunks chan chunk
	quiet  time.Duration

	mu    sync.Mutex
	seen  []byte // the output so far, the last 256 kB
	ready chan struct{}
}

func dial(c config, addr string, cfg *gossh.ClientConfig, read bool) (*client, error) {
	conn, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	cl := &client{conn: conn, chunks: make(chan chunk, 4096), quiet: c.quiet, ready: make(chan struct{})}
	out, err := sess.StdoutPipe()
	if err == nil {
		cl.in, err = sess.StdinPipe()
	}
	if err == nil {
		err = sess.RequestPty("xterm-256color", c.height, c.width, gossh.TerminalModes{})
	}
	if err == nil {
		err = sess.Shell()
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	go cl.read(out, c.ready, read)
	return cl, nil
}

// read takes the output until the first frame shows ready; then, unless
// the client is one that stalls, goes on reading.
func (cl *client) read(out io.Reader, ready string, goOn bool) {
	buf := make([]byte, 64<<10)
	isReady := false
	for {
		n, err := out.Read(buf)
		if n > 0 {
			now := time.Now()
			cl.mu.Lock()
			cl.seen = append(cl.seen, buf[:n]...)
			if len(cl.seen) > 256<<10 {
				cl.seen = cl.seen[len(cl.seen)-128<<10:]
			}
			if !isReady && bytes.Contains(cl.seen, []byte(ready)) {
				isReady = true
				close(cl.ready)
				if !goOn {
					cl.mu.Unlock()
					return // a stalled client: never reads again
				}
			}
			cl.mu.Unlock()
			if isReady {
				select {
				case cl.chunks <- chunk{now, n}:
				default:
				}
			}
		}
		if err != nil {
			return
		}
	}
}

// key types k and waits for the frame it causes: the output up to a
// silence of quiet. silent reports a key that caused no output.
func (cl *client) key(k string) (latency time.Duration, n int, silent bool, err error) {
	for drained := false; !drained; { // output of earlier keys
		select {
		case <-cl.chunks:
		default:
			drained = true
		}
	}
	t0 := time.Now()
	if _, err := io.WriteString(cl.in, k); err != nil {
		return 0, 0, false, err
	}
	var last time.Time
	wait := time.Second
	for {
		select {
		case ch := <-cl.chunks:
			last, n, wait = ch.at, n+ch.n, cl.quiet
		case <-time.After(wait):
			if n == 0 {
				return 0, 0, true, nil
			}
			return last.Sub(t0), n, false, nil
		}
	}
}

// cycle is what each session types, again and again: move in the list,
// open the article, scroll it, go back.
var cycle = []string{"j", "j", "j", "j", "j", "\r", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "q"}

func load(c config, addr string, cfg *gossh.ClientConfig, pid int) error {
	base := procStatus(pid, "VmRSS")
	clients := make([]*client, c.sessions)
	errs := make(chan error, c.sessions)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl, err := dial(c, addr, cfg, true)
			if err != nil {
				errs <- err
				return
			}
			select {
			case <-cl.ready:
			case <-time.After(c.readyTimeout):
				errs <- fmt.Errorf("session %d: no first frame", i)
				return
			}
			clients[i] = cl
		}()
	}
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	settle(pid) // scans finished
	idle := procStatus(pid, "VmRSS")

	for range c.stalled {
		cl, err := dial(c, addr, cfg, false)
		if err != nil {
			return err
		}
		<-cl.ready
		// Whole repaints, more than the 2 MB window of x/crypto/ssh's
		// channel: the server's writes to this client block.
		if _, err := io.WriteString(cl.in, strings.Repeat("Gg", 1000)); err != nil {
			return err
		}
	}

	settle(pid) // the stalled clients' keys handled, their windows full
	cpu0, self0, t0 := cpuTicks(pid), cpuTicks(os.Getpid()), time.Now()
	var mu sync.Mutex
	var lat []time.Duration
	silent := 0
	for n, cl := range clients {
		wg.Add(1)
		// With -spread, each session starts within spread, as users who
		// did not all sit down at the same moment; without, all type the
		// same key at once.
		var wait time.Duration
		if c.spread > 0 {
			wait = time.Duration(rand.Int64N(int64(c.spread)))
		}
		go func() {
			defer wg.Done()
			time.Sleep(wait)
			for i := range c.keys {
				d, _, quiet, err := cl.key(cycle[i%len(cycle)])
				if err != nil {
					errs <- fmt.Errorf("session %d, key %d: %w", n, i, err)
					return
				}
				mu.Lock()
				if quiet {
					silent++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(t0)
	cpu, self := cpuTicks(pid)-cpu0, cpuTicks(os.Getpid())-self0
	select {
	case err := <-errs:
		return err
	default:
	}
	after, peak := procStatus(pid, "VmRSS"), procStatus(pid, "VmHWM")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	keys := c.sessions * c.keys
	perMB := func(kb int) string { return fmt.Sprintf("%.2f", float64(kb-base)/1024/float64(c.sessions+c.stalled)) }
	fmt.Printf("sessions=%d stalled=%d keys=%d silent_keys=%d base_rss_mb=%.1f idle_mb_per_session=%s after_mb_per_session=%s peak_mb_per_session=%s "+
		"p50_ms=%s p99_ms=%s max_ms=%s cpu_ms_per_key=%.2f client_cpu_ms_per_key=%.2f keys_per_s=%.0f\n",
		c.sessions, c.stalled, keys, silent, float64(base)/1024, perMB(idle), perMB(after), perMB(peak),
		ms(pct(0.5)), ms(pct(0.99)), ms(pct(1)), float64(cpu)*10/float64(keys), float64(self)*10/float64(keys), float64(keys)/elapsed.Seconds())
	return nil
}

// settle waits, 30 s at most, until the server uses less than a tenth of
// a core.
func settle(pid int) {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		t := cpuTicks(pid)
		time.Sleep(500 * time.Millisecond)
		if cpuTicks(pid)-t <= 5 {
			return
		}
	}
}

// scrollBytes is what each j costs in the reader: one session opens the
// first article of the collection and scrolls it line by line.
func scrollBytes(c config, addr string, cfg *gossh.ClientConfig) error {
	cl, err := dial(c, addr, cfg, true)
	if err != nil {
		return err
	}
	select {
	case <-cl.ready:
	case <-time.After(c.readyTimeout):
		return fmt.Errorf("no first frame")
	}
	if _, _, _, err := cl.key("\r"); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond) // the article loaded, the preview gone
	cl.key("")
	var sizes []int
	for range c.scroll {
		_, n, _, err := cl.key("j")
		if err != nil {
			return err
		}
		sizes = append(sizes, n)
	}
	sort.Ints(sizes)
	total := 0
	for _, n := range sizes {
		total += n
	}
	fmt.Printf("scroll_keys=%d bytes_per_j_median=%d bytes_per_j_max=%d bytes_per_j_mean=%.1f\n",
		len(sizes), sizes[len(sizes)/2], sizes[len(sizes)-1], float64(total)/float64(len(sizes)))
	return nil
}
