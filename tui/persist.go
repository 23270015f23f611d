package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader/marks"
	"newsbrowse/loader/readstate"
	"newsbrowse/loader/statefile"
)

// quitWait bounds how long quitting waits for the state being saved.
const quitWait = 2 * time.Second

// persist is what the root keeps about saving marks and read state. Saves
// are operations (mark this, read that), queued and written by one command
// at a time, so they reach the files in the order they were made; each
// command merges them into the files under their locks.
type persist struct {
	marks *marks.Store     // nil: nothing is kept after quitting
	reads *readstate.Store // nil with marks
	why   string           // why nothing is kept, when so

	loaded  bool      // the stored state is in (or there is none to load)
	waiting []pending // changes made before it was
	markOps []marks.Op
	readOps []readstate.Op
	busy    bool // a save command is running

	quitting bool
}

// pending is a change asked for before the stored state was loaded.
type pending struct {
	kind  int // pendMark, pendRead or pendOpened
	entry string
}

const (
	pendMark = iota
	pendRead
	pendOpened
)

func newPersist(cfg Config) persist {
	var p persist
	if cfg.StateDir == "" {
		p.why, p.loaded = cfg.StateErr, true
		if p.why == "" {
			p.why = "no state directory"
		}
		return p
	}
	ms, err := marks.Open(cfg.StateDir, cfg.AbsPath)
	if err != nil {
		p.why, p.loaded = err.Error(), true
		return p
	}
	rs, err := readstate.Open(cfg.StateDir, cfg.AbsPath)
	if err != nil {
		p.why, p.loaded = err.Error(), true
		return p
	}
	p.marks, p.reads = &ms, &rs
	return p
}

// kept reports whether changes are saved.
func (p *persist) kept() bool { return p.marks != nil }

// unsaved reports whether changes are waiting to be written.
func (p *persist) unsaved() bool {
	return p.busy || len(p.markOps) > 0 || len(p.readOps) > 0 || !p.loaded && len(p.waiting) > 0
}

type (
	// stateLoadedMsg is the stored marks and read state; a file that could
	// not be read was set aside (aside says where) and its part is empty.
	stateLoadedMsg struct {
		marks      map[string]bool
		marksErr   error
		marksAside string
		read       *readstate.State
		readErr    error
		readAsides []string
	}
	// savedMsg is the outcome of writing ops.
	savedMsg struct {
		markOps    []marks.Op
		readOps    []readstate.Op
		marks      marks.Result
		marksErr   error
		readAsides []string
		readErr    error
	}
	quitTimeoutMsg struct{}
)

// loadStateCmd reads the marks and the read state. An unreadable file is
// set aside at once, so that it is never written over.
func loadStateCmd(ms *marks.Store, rs *readstate.Store) tea.Cmd {
	if ms == nil {
		return nil
	}
	return func() tea.Msg {
		var msg stateLoadedMsg
		var ue *statefile.UnreadableError
		msg.marks, msg.marksErr = ms.Load()
		if errors.As(msg.marksErr, &ue) {
			msg.marks = map[string]bool{}
			aside, err := ms.SetAside()
			if err != nil {
				msg.marksErr = err
			}
			msg.marksAside = aside
		}
		msg.read, msg.readErr = rs.Load()
		if errors.As(msg.readErr, &ue) {
			asides, err := rs.SetAside()
			if err != nil {
				msg.readErr = err
			}
			msg.readAsides = asides
		}
		return msg
	}
}

func saveCmd(ms *marks.Store, rs *readstate.Store, markOps []marks.Op, readOps []readstate.Op) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{markOps: markOps, readOps: readOps}
		if len(markOps) > 0 {
			msg.marks, msg.marksErr = ms.Apply(markOps...)
		}
		if len(readOps) > 0 {
			msg.readAsides, msg.readErr = rs.Apply(readOps...)
		}
		return msg
	}
}

// flush starts writing the queued operations unless a write is running.
func (m *Model) flush() tea.Cmd {
	p := &m.store
	if p.busy || !p.kept() || len(p.markOps) == 0 && len(p.readOps) == 0 {
		return nil
	}
	p.busy = true
	cmd := saveCmd(p.marks, p.reads, p.markOps, p.readOps)
	p.markOps, p.readOps = nil, nil
	return cmd
}

// stateLoaded takes the stored state, then makes the changes asked for
// meanwhile.
func (m Model) stateLoaded(msg stateLoadedMsg) (Model, tea.Cmd) {
	switch {
	case msg.marksAside != "":
		m.status = asideStatus("marks", msg.marksAside) + "; new marks start here"
	case msg.marksErr != nil:
		m.status = msg.marksErr.Error()
	}
	if msg.marks != nil {
		m.marks = msg.marks
		m.lib.SetMarks(m.marks)
		m.rdr.SetMarked(m.marks[m.rdr.Entry().RelPath])
	}
	switch {
	case len(msg.readAsides) > 0:
		m.status = asideStatus("read state", msg.readAsides[0])
	case msg.readErr != nil && m.status == "":
		m.status = msg.readErr.Error()
	}
	if msg.read != nil {
		m.read = msg.read
	}
	m.store.loaded = true
	keys := m.resume()
	if rel := m.rdr.Entry().RelPath; rel != "" && m.state == stateReader {
		if para, off := m.rdr.Position(); para == 0 && off == 0 {
			m.showPosition(rel, "")
		}
	}
	waiting := m.store.waiting
	m.store.waiting = nil
	for _, w := range waiting {
		switch w.kind {
		case pendMark:
			m.setMark(w.entry, !m.marks[w.entry])
		case pendRead:
			m.setRead(w.entry, !m.read.IsRead(w.entry))
		case pendOpened:
			m.opened(w.entry)
		}
	}
	m, cmd := m.afterSave()
	return m, tea.Batch(keys, cmd)
}

// saved takes the outcome of a write: the stored marks, merged with those
// of other processes, replace the model's (with the changes queued since
// made again on top).
func (m Model) saved(msg savedMsg) (Model, tea.Cmd) {
	p := &m.store
	p.busy = false
	if msg.marksErr != nil {
		m.status = "marks not saved: " + msg.marksErr.Error()
		if !p.quitting {
			p.markOps = append(msg.markOps, p.markOps...)
		}
	} else if msg.marks.Marks != nil {
		set := msg.marks.Marks
		for _, op := range p.markOps {
			if op.On {
				set[op.Rel] = true
			} else {
				delete(set, op.Rel)
			}
		}
		m.marks = set
		m.lib.SetMarks(set)
		m.rdr.SetMarked(set[m.rdr.Entry().RelPath])
		if msg.marks.Aside != "" {
			m.status = asideStatus("marks", msg.marks.Aside) + "; new marks start here"
		}
	}
	if msg.readErr != nil {
		m.status = "read state not saved: " + msg.readErr.Error()
		if !p.quitting {
			p.readOps = append(msg.readOps, p.readOps...)
		}
	} else if len(msg.readAsides) > 0 {
		m.status = asideStatus("read state", msg.readAsides[0])
	}
	if p.quitting && (msg.marksErr != nil || msg.readErr != nil) {
		return m.quitNow(m.status)
	}
	return m.afterSave()
}

// afterSave writes what is queued, or ends the program when it was
// waiting for that.
func (m Model) afterSave() (Model, tea.Cmd) {
	if m.store.quitting && !m.store.unsaved() {
		return m, tea.Quit
	}
	return m, m.flush()
}

// quit ends the program once the marks and read state being saved are
// written, waiting at most quitWait.
func (m Model) quit() (Model, tea.Cmd) {
	m.stopSearch()
	if m.state == stateReader {
		m.leaving()
	}
	if m.store.quitting {
		return m.quitNow("marks and read state may not be saved: quit before they were written")
	}
	m.store.quitting = true
	if !m.store.unsaved() {
		return m, tea.Quit
	}
	m.status = "saving marks…"
	return m, tea.Batch(m.flush(), m.cfg.Tick(quitWait, func(time.Time) tea.Msg { return quitTimeoutMsg{} }))
}

// quitNow ends the program at once, saying why on the terminal after the
// screen is given back.
func (m Model) quitNow(note string) (Model, tea.Cmd) {
	if m.cfg.Report != nil && note != "" {
		m.cfg.Report(note)
	}
	return m, tea.Quit
}

// asideStatus says that the file of what (marks, read state) could not be
// read and was kept as path.
func asideStatus(what, path string) string {
	return what + " could not be read: kept as " + where(path)
}

// where names a file set aside, its name first (the status line may cut
// the rest), its directory under the home directory written with "~".
func where(path string) string {
	dir := filepath.Dir(path)
	if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home+string(filepath.Separator)) {
		dir = "~" + dir[len(home):]
	}
	return filepath.Base(path) + " in " + dir
}
