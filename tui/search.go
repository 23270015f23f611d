package tui

import (
	"context"
	"io/fs"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/grep"
	"newsbrowse/loader/match"
	"newsbrowse/tui/results"
)

// batchEvery throttles the progress of a collection search to a few
// frames a second: every frame with Chinese text on screen costs bytes.
const batchEvery = 200 * time.Millisecond

// searchBatch is the progress of a collection search since the last batch.
type searchBatch struct {
	id      int
	scanned int
	failed  int
	hits    []results.Hit
	done    bool
}

// startSearch runs the search in the background and returns the channel
// its batches arrive on; cancel stops it.
func startSearch(ctx context.Context, id int, fsys fs.FS, entries []loader.Entry, query string,
	cond *runewidth.Condition, workers int) <-chan searchBatch {
	ch := make(chan searchBatch, 1)
	go func() {
		defer close(ch)
		m := match.New(query)
		var b searchBatch
		b.id = id
		last := time.Now()
		grep.Search(ctx, fsys, entries, m, cond, workers, func(r grep.Result) {
			b.scanned++
			if r.Err != nil {
				b.failed++
			} else if r.Count > 0 {
				b.hits = append(b.hits, results.Hit{Entry: r.Entry, Count: r.Count, Snippet: r.Snippet, Match: r.Match})
			}
			if time.Since(last) >= batchEvery {
				select {
				case ch <- b:
				case <-ctx.Done():
					return
				}
				b.hits = nil
				last = time.Now()
			}
		})
		b.done = true
		select {
		case ch <- b:
		case <-ctx.Done():
		}
	}()
	return ch
}

// waitBatch receives the next batch of a running search.
func waitBatch(id int, ch <-chan searchBatch) tea.Cmd {
	return func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return searchBatch{id: id, done: true, scanned: -1}
		}
		return b
	}
}
