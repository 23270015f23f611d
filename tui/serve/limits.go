package serve

import (
	"net"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// addrLimiter limits the new connections of each client address: perMinute
// a minute, in bursts of as many. It remembers the addresses last seen,
// maxAddrs at most, so its memory is bounded whatever the clients do.
type addrLimiter struct {
	mu        sync.Mutex
	perMinute int
	cache     *lru.Cache[string, *rate.Limiter]
}

const maxAddrs = 4096

func newAddrLimiter(perMinute int) *addrLimiter {
	cache, _ := lru.New[string, *rate.Limiter](maxAddrs) // fails only for a size < 1
	return &addrLimiter{perMinute: perMinute, cache: cache}
}

// allow reports whether one more connection from addr may go on at now.
func (l *addrLimiter) allow(addr net.Addr, now time.Time) bool {
	if l.perMinute <= 0 {
		return true
	}
	key := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok {
		key = tcp.IP.String()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.cache.Get(key)
	if !ok {
		lim = rate.NewLimiter(rate.Every(time.Minute/time.Duration(l.perMinute)), l.perMinute)
		l.cache.Add(key, lim)
	}
	return lim.AllowN(now, 1)
}

// counter counts what is open against a maximum.
type counter struct {
	mu       sync.Mutex
	n, limit int
}

// acquire takes one if fewer than the limit are taken.
func (c *counter) acquire() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n >= c.limit {
		return false
	}
	c.n++
	return true
}

func (c *counter) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
}
