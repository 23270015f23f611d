package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/readstate"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
	"newsbrowse/tui/library"
	"newsbrowse/tui/reader"
	"newsbrowse/tui/results"
	"newsbrowse/tui/screen"
)

type state int

const (
	stateLibrary state = iota
	stateReader
	stateResults
)

// purposes of an article load
const (
	forPreview = iota
	forOpen
	forPager
	forWhole // the whole of an article opened by its first part
)

// Model is the root of the program.
type Model struct {
	cfg    Config
	styles styles.Styles
	keys   KeyMap

	ready         bool
	width, height int

	state      state
	back       state // where the reader returns to
	help       bool
	helpTop    int // first help line on screen when the help is taller
	lib        library.Model
	rdr        reader.Model
	res        results.Model
	cache      *cache
	marks      map[string]bool
	read       *readstate.State // changed in place: the model owns it
	unread     int              // articles of the list not read
	keying     bool             // the keys of the list are being computed
	resumed    bool             // unread counted, selection put back
	store      persist
	previewSeq int
	previewDue bool   // a preview waits for the selection to rest
	opening    string // article being opened
	quietOpen  bool   // the article given at start is opening: a blank screen until loadingDelay
	typeahead  []tea.KeyPressMsg
	status     string   // an error or notice for the status line
	queries    []string // earlier collection-search queries, oldest first

	searchID     int
	searchCancel context.CancelFunc
	searchCh     <-chan searchBatch
}

// New builds the root model. Nothing is read here: Init starts the scan.
func New(cfg Config) Model {
	st := styles.New(true)
	if cfg.NoColor {
		st = styles.Mono()
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Exec == nil {
		cfg.Exec = tea.ExecProcess
	}
	if cfg.Tick == nil {
		cfg.Tick = tea.Tick
	}
	m := Model{
		cfg:    cfg,
		styles: st,
		keys:   DefaultKeyMap(),
		lib:    library.New(st, cfg.Cond, cfg.Path),
		rdr:    reader.New(st, cfg.Cond, cfg.Measure),
		cache:  newCache(64, 48<<20),
		marks:  map[string]bool{},
		read:   readstate.NewState(),
		store:  newPersist(cfg),
	}
	if cfg.Single != nil {
		m.state = stateReader
		m.opening = cfg.Single.RelPath
		m.quietOpen = true
	}
	if cfg.NoPrograms { // the help says e and o are off; pressed, they say why
		for _, b := range []*key.Binding{&m.lib.KeyMap.Pager, &m.lib.KeyMap.Editor, &m.rdr.KeyMap.Pager, &m.rdr.KeyMap.Editor} {
			b.SetHelp(b.Help().Key, b.Help().Desc+" (off in this session)")
		}
		// a served session is not a process of its user: nothing to
		// suspend, so ctrl+z is neither a key nor in the help
		m.keys.Suspend.SetEnabled(false)
	}
	return m
}

// Init asks for the background colour (answered whenever the terminal
// answers, never waited for), and starts the scan and the load of the
// marks and read state.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadStateCmd(m.store.marks, m.store.reads),
		loadHistoryCmd(m.cfg.StateDir, m.cfg.AbsPath)}
	if m.cfg.Single != nil {
		cmds = append(cmds, loadCmd(m.cfg.FS, *m.cfg.Single, forOpen, ""),
			m.cfg.Tick(loadingDelay, func(time.Time) tea.Msg { return loadingTickMsg{} }))
	} else {
		cmds = append(cmds, scanCmd(m.cfg.FS, m.cfg.Scan))
	}
	return tea.Batch(cmds...)
}

func (m *Model) setStyles(st styles.Styles) {
	m.styles = st
	m.lib.SetStyles(st)
	m.rdr.SetStyles(st)
	m.res.SetStyles(st)
}

func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.ready = true
	m.lib.SetSize(w, h)
	m.res.SetSize(w, h)
	return m.rdr.SetSize(w, h)
}

// Update routes a message to the view it belongs to.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cmd := m.resize(msg.Width, msg.Height)
		var zero loader.Entry // a pane that just appeared needs its preview
		return m, tea.Batch(cmd, m.selectionChanged(zero))
	case screen.WidthMsg:
		cmd := m.setWidth(msg)
		return m, cmd
	case screen.EndingMsg:
		// ended from outside (a signal, the session closed): quit as the
		// quit key does, keeping what is being saved
		if m.store.quitting {
			return m, nil
		}
		return m.quit()
	case tea.BackgroundColorMsg:
		if !m.cfg.NoColor {
			m.setStyles(styles.New(msg.IsDark()))
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.routeToChild(msg)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		return m.mouse(msg)
	}
	if mm, cmd, ok := m.handleResult(msg); ok {
		return mm, cmd
	}
	return m.routeToChild(msg)
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Quit) {
		return m.quit()
	}
	if key.Matches(msg, m.keys.Suspend) {
		return m, tea.Suspend
	}
	if m.store.quitting {
		return m, nil // waiting for the saves to end
	}
	if m.help {
		if key.Matches(msg, m.keys.CloseHelp) {
			m.help = false
		} else {
			m.helpTop = m.scrollHelp(msg)
		}
		return m, nil
	}
	if m.opening != "" && len(m.typeahead) < maxTypeahead {
		// an article is loading: its keys wait for it, like a terminal's
		// type-ahead, instead of acting on the list behind it
		m.typeahead = append(m.typeahead, msg)
		return m, nil
	}
	m.status = ""
	return m.routeToChild(msg)
}

// maxTypeahead bounds the keys kept while an article loads.
const maxTypeahead = 64

// replay hands the keys typed while an article loaded to the view that is
// now on screen.
func (m Model) replay() (Model, tea.Cmd) {
	keys := m.typeahead
	m.typeahead = nil
	var cmds []tea.Cmd
	var next tea.Model = m
	for _, k := range keys {
		var cmd tea.Cmd
		next, cmd = next.(Model).key(k)
		cmds = append(cmds, cmd)
	}
	return next.(Model), tea.Batch(cmds...)
}

// routeToChild gives a message to the view on screen, then acts at once
// on what the view asks for, before the next key is read.
func (m Model) routeToChild(msg tea.Msg) (tea.Model, tea.Cmd) {
	before, _ := m.lib.Selected()
	cmd, it := m.updateActive(msg)
	more := m.selectionMoved(before)
	if it == nil {
		return m, tea.Batch(cmd, more)
	}
	m, icmd := m.act(it)
	return m, tea.Batch(cmd, more, icmd)
}

// active is the view on screen: the one place a state picks its view.
func (m *Model) active() intent.Child {
	switch m.state {
	case stateReader:
		return &m.rdr
	case stateResults:
		return &m.res
	}
	return &m.lib
}

// updateActive is m.active().Update(msg), and activeView m.active().View(),
// without the interface: a pointer into m held by one moves m, tens of kB
// that Bubble Tea copies on every message, to the heap at each key.
func (m *Model) updateActive(msg tea.Msg) (tea.Cmd, intent.Intent) {
	switch m.state {
	case stateReader:
		return m.rdr.Update(msg)
	case stateResults:
		return m.res.Update(msg)
	}
	return m.lib.Update(msg)
}

func (m *Model) activeView() string {
	switch m.state {
	case stateReader:
		return m.rdr.View()
	case stateResults:
		return m.res.View()
	}
	return m.lib.View()
}

// selectionMoved follows the library's selection with the preview when
// the library is on screen.
func (m *Model) selectionMoved(before loader.Entry) tea.Cmd {
	if m.state != stateLibrary {
		return nil
	}
	return m.selectionChanged(before)
}

// selectionChanged schedules the preview of the new selection.
func (m *Model) selectionChanged(before loader.Entry) tea.Cmd {
	sel, ok := m.lib.Selected()
	if !ok || !m.lib.WantsPreview() || (sel == before && m.lib.PreviewRel() == sel.RelPath) {
		return nil
	}
	if a, hit := m.cache.get(sel.RelPath); hit && !m.previewDue {
		m.lib.SetPreview(sel.RelPath, a, nil) // a move from rest
	}
	// A key held down moves again before the delay ends: the preview
	// follows once, where the selection rests, even through kept articles.
	m.previewSeq++
	m.previewDue = true
	return previewTick(m.cfg.Tick, m.previewSeq)
}

// open shows an article in the reader, from the cache or after loading it.
func (m *Model) open(e loader.Entry, query string) tea.Cmd {
	if a, ok := m.cache.get(e.RelPath); ok {
		return m.showArticle(a, query)
	}
	m.opening = e.RelPath
	m.status = fmt.Sprintf("loading %s…", loader.DisplayPath(e.RelPath))
	return loadCmd(m.cfg.FS, e, forOpen, query)
}

func (m *Model) showArticle(a loader.Article, query string) tea.Cmd {
	if m.state != stateReader {
		m.back = m.state
	} else {
		m.leaving()
	}
	m.state = stateReader
	m.opening = ""
	m.status = ""
	rel := a.Entry.RelPath
	cmd := m.rdr.Open(m.cfg.FS, a, m.marks[rel], query)
	if m.store.loaded {
		m.showPosition(rel, query)
		m.opened(rel)
	} else {
		m.store.waiting = append(m.store.waiting, pending{pendOpened, rel})
	}
	return tea.Batch(cmd, m.flush())
}

func (m *Model) stopSearch() {
	if m.searchCancel != nil {
		m.searchCancel()
		m.searchCancel = nil
	}
}

// leaveReader goes back to where the reader was opened from.
func (m Model) leaveReader() (Model, tea.Cmd) {
	if m.cfg.Single != nil {
		return m.quit()
	}
	m.leaving()
	m.state = m.back
	if m.state == stateReader {
		m.state = stateLibrary
	}
	var zero loader.Entry
	return m, tea.Batch(m.selectionChanged(zero), m.flush())
}

// setWidth takes the width the terminal draws ambiguous characters in:
// with a new measure, every view lays its text out again, the reader
// keeping its top line.
func (m *Model) setWidth(msg screen.WidthMsg) tea.Cmd {
	m.cfg.Ambiguous = "narrow (" + msg.How + ")"
	if msg.Wide {
		m.cfg.Ambiguous = "wide (" + msg.How + ")"
	}
	if msg.Cond == nil || msg.Cond == m.cfg.Cond {
		return nil
	}
	m.cfg.Cond = msg.Cond
	m.lib.SetCond(msg.Cond)
	m.res.SetCond(msg.Cond)
	return m.rdr.SetCond(msg.Cond)
}
