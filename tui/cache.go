package tui

import (
	"container/list"

	"newsbrowse/loader"
)

// cache keeps the most recently loaded articles, bounded in count and in
// bytes so that browsing a large collection keeps memory flat. A lookup,
// an insertion and each eviction take constant time: a map finds the
// element of a list kept in order of use.
type cache struct {
	maxItems int
	maxBytes int
	bytes    int
	order    *list.List // of loader.Article, most recently used first
	items    map[string]*list.Element
}

func newCache(maxItems, maxBytes int) *cache {
	return &cache{maxItems: maxItems, maxBytes: maxBytes, order: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) get(rel string) (loader.Article, bool) {
	e, ok := c.items[rel]
	if !ok {
		return loader.Article{}, false
	}
	c.order.MoveToFront(e)
	return e.Value.(loader.Article), true
}

// put adds or replaces an article, then evicts the least recently used
// ones while the cache is over a bound; the newest article always stays.
func (c *cache) put(a loader.Article) {
	rel := a.Entry.RelPath
	if e, ok := c.items[rel]; ok {
		c.bytes += a.Size - e.Value.(loader.Article).Size
		e.Value = a
		c.order.MoveToFront(e)
	} else {
		c.items[rel] = c.order.PushFront(a)
		c.bytes += a.Size
	}
	for c.order.Len() > 1 && (c.order.Len() > c.maxItems || c.bytes > c.maxBytes) {
		victim := c.order.Remove(c.order.Back()).(loader.Article)
		c.bytes -= victim.Size
		delete(c.items, victim.Entry.RelPath)
	}
}
