package serve

import (
	"io/fs"
	"sync"
	"time"

	"newsbrowse/loader"
)

// listingAge is how long the list of articles read for one session is
// given to the sessions that start after it.
const listingAge = time.Minute

// listing is the collection's list of articles, shared by the sessions:
// a hundred thousand entries are held once, not once per session, and
// read once for the sessions that start together. A session starting when
// the list is older than maxAge reads it again, so new articles show.
type listing struct {
	fs     fs.FS
	maxAge time.Duration
	now    func() time.Time

	mu      sync.Mutex
	entries []loader.Entry
	err     error
	at      time.Time
	scans   int
}

// get is tui.Config.Scan: the list, read again if it is too old. Sessions
// only read the entries.
func (l *listing) get() ([]loader.Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.scans > 0 && l.err == nil && l.now().Sub(l.at) < l.maxAge {
		return l.entries, nil
	}
	l.entries, l.err = loader.Scan(l.fs)
	l.at = l.now()
	l.scans++
	return l.entries, l.err
}
