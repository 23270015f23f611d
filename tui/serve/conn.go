package serve

import (
	"errors"
	"net"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"newsbrowse/loader"
)

// connKey is where a connection's connInfo is kept in its ssh.Context.
type connKey struct{}

// connInfo is what is known of one connection: its address, the key it
// proved it holds, the keys it offered that were refused.
type connInfo struct {
	addr string

	mu      sync.Mutex
	key     gossh.PublicKey // verified: the client signed with it
	refused []string        // fingerprints of keys not in the file
}

func (c *connInfo) verified() gossh.PublicKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.key
}

// countedConn releases its place in the connection count when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// accept admits a new connection, before any byte of SSH: not while the
// server stops, not beyond the address's rate, not beyond the
// connection limit.
func (s *Server) accept(ctx ssh.Context, c net.Conn) net.Conn {
	addr := c.RemoteAddr().String()
	reason := ""
	switch {
	case s.stopping.Err() != nil:
		reason = "shutting down"
	case !s.limiter.allow(c.RemoteAddr(), time.Now()):
		reason = "too many new connections from this address"
	case !s.conns.acquire():
		reason = "too many connections"
	}
	if reason != "" {
		s.log.Warn("refused", "addr", addr, "why", reason)
		return nil
	}
	info := &connInfo{addr: addr}
	ctx.SetValue(connKey{}, info)
	s.byAddr.Store(addr, info)
	return &countedConn{Conn: c, release: s.conns.release}
}

func connOf(ctx ssh.Context) *connInfo {
	info, _ := ctx.Value(connKey{}).(*connInfo)
	if info == nil {
		info = &connInfo{addr: ctx.RemoteAddr().String()}
	}
	return info
}

// allowKey is the public key check: the key must be in the authorized
// keys file as it is now.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	if s.keys.Allows(key) {
		return true
	}
	info := connOf(ctx)
	info.mu.Lock()
	if len(info.refused) < 8 {
		info.refused = append(info.refused, Fingerprint(key))
	}
	info.mu.Unlock()
	return false
}

// sshConfig completes charm's configuration of a connection: it records
// the key the client proved it holds and logs the login.
func (s *Server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	info := connOf(ctx)
	return &gossh.ServerConfig{
		MaxAuthTries: 6,
		VerifiedPublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			info.mu.Lock()
			info.key = key
			info.mu.Unlock()
			return perms, nil
		},
		AuthLogCallback: func(md gossh.ConnMetadata, method string, err error) {
			if err != nil {
				return // the failure is logged once, when the connection fails
			}
			key := info.verified()
			if method != "publickey" || key == nil {
				return // not reached: no other method is offered
			}
			s.log.Info("login", "key", Fingerprint(key), "addr", info.addr,
				"user", clean(md.User()), "client", clean(string(md.ClientVersion())))
		},
	}
}

// failed logs a connection that did not log in, and why.
func (s *Server) failed(c net.Conn, err error) {
	addr := c.RemoteAddr().String()
	var refused []string
	if v, ok := s.byAddr.Load(addr); ok {
		info := v.(*connInfo)
		info.mu.Lock()
		refused = info.refused
		info.mu.Unlock()
	}
	why := "handshake failed: " + clean(err.Error())
	switch {
	case len(refused) > 0:
		why = "key not authorized"
	case strings.Contains(err.Error(), "no auth passed yet"):
		why = "no authorized public key offered"
	case errors.Is(err, net.ErrClosed) || strings.Contains(err.Error(), "EOF"):
		why = "closed before logging in"
	}
	args := []any{"addr", addr, "why", why}
	if len(refused) > 0 {
		args = append(args, "key", strings.Join(refused, ","))
	}
	s.log.Warn("refused", args...)
}

// clean makes a value the client chose safe to log: one line, no control
// sequences, not too long.
func clean(s string) string {
	const maxLen = 100
	s = loader.SanitizeLine(s)
	if len(s) > maxLen {
		n := maxLen
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return s
}
