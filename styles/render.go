package styles

import (
	"sync"

	"charm.land/lipgloss/v2"
)

// Style is a lipgloss style that remembers what it rendered. The views
// render the same text in the same style frame after frame (the rows of
// the list and of the article that did not move, the status line): a
// remembered rendering is a map lookup instead of lipgloss's work.
// Everything else of lipgloss.Style is there as it is.
type Style struct {
	lipgloss.Style
	id    int
	cache *cache
}

// Render is lipgloss.Style.Render, remembered for one string.
func (s Style) Render(strs ...string) string {
	if s.cache == nil || len(strs) != 1 || len(strs[0]) > maxCachedText {
		return s.Style.Render(strs...)
	}
	return s.cache.render(s, strs[0])
}

// The renderings a set remembers: the texts rendered since the set last
// started a new generation of cacheSize renderings, and those of the
// generation before. A text longer than maxCachedText is not kept.
const (
	cacheSize     = 256
	maxCachedText = 512
)

type cacheKey struct {
	id   int
	text string
}

// cache holds the renderings of the styles of one set. The styles of a
// set are never changed, so a rendering stays right; a program's views
// render on its event loop, the lock is for anything else.
type cache struct {
	mu       sync.Mutex
	next     int // the id of the next style added
	cur, old map[cacheKey]string
}

// add makes st one of the set's styles.
func (c *cache) add(st lipgloss.Style) Style {
	c.next++
	return Style{Style: st, id: c.next, cache: c}
}

func (c *cache) render(s Style, text string) string {
	k := cacheKey{s.id, text}
	c.mu.Lock()
	out, ok := c.cur[k]
	if !ok {
		if out, ok = c.old[k]; ok {
			c.keep(k, out)
		}
	}
	c.mu.Unlock()
	if ok {
		return out
	}
	out = s.Style.Render(text)
	c.mu.Lock()
	c.keep(k, out)
	c.mu.Unlock()
	return out
}

// keep remembers out in the current generation, starting a new one when
// it is full.
func (c *cache) keep(k cacheKey, out string) {
	if len(c.cur) >= cacheSize || c.cur == nil {
		c.old, c.cur = c.cur, make(map[cacheKey]string, cacheSize)
	}
	c.cur[k] = out
}
