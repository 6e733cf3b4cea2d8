package boltfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's structure check, done on reads of our own.
//
// bbolt's tx.Check reads the pages through the memory map in a goroutine
// of its own. A damaged page — a count, an offset, a length or a page id
// changed — sends it to memory outside the map: the fault is raised in
// that goroutine, where SetPanicOnFault was never set and nothing can
// recover it, and the program dies (issue 9 saw it in three of 150 flips
// of one byte). This check reads each page with ReadAt into memory of its
// own, and checks every page id, count, offset and length against the
// file or the page before using it: a damaged file is an error, never a
// fault, on whatever goroutine it runs.
//
// It checks all that bbolt's check does — every page below the high-water
// mark is reachable from the root exactly once or free, and not both; no
// page is freed twice; branch and leaf pages only in the tree; keys in
// order within each page and within the keys of the branch above — and
// what bbolt's does not: that every element, key and value lies inside its
// page. A file it accepts can be read by bbolt without leaving its pages,
// so no length bbolt reads from a page is larger than the file, and no
// read of a value allocates more than the file holds.
//
// Not a child process running bbolt's own check: that would cost a
// process start at every open (the screens' first frame waits for the
// open), would need a hidden entry point in every program that opens a
// file, tests included, and would leave the reads after the open as they
// were.

// The layout of a bbolt file (go.etcd.io/bbolt/internal/common), in the
// machine's byte order, as bbolt writes it.
const (
	pageHeaderSize   = 16 // id uint64, flags uint16, count uint16, overflow uint32
	elementSize      = 16 // a branch's pos, ksize, pgid; a leaf's flags, pos, ksize, vsize
	bucketHeaderSize = 16 // root pgid, sequence
	metaSize         = 64 // magic … txid, checksum

	branchPage   = 0x01
	leafPage     = 0x02
	metaPage     = 0x04
	freelistPage = 0x10

	bucketLeaf = 0x01 // a leaf element that is a bucket

	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = ^uint64(0)
)

var order = binary.NativeEndian

// pageState is what the walk knows of a page.
type pageState uint8

const (
	unseen pageState = iota
	reached
	freed
)

// pageWalk is one structure check of a file.
type pageWalk struct {
	r        io.ReaderAt
	pageSize uint64
	hwm      uint64 // the pages in use are 0 … hwm-1
	state    []pageState
	// bufs holds the page read at each depth of the walk: the keys of the
	// pages above stay valid while the pages below are read.
	bufs [][]byte
}

// checkPages checks the structure of the bbolt file read by r, of page
// size pageSize, as of the transaction txid whose pages reach size bytes
// (its high-water mark). The error says what is wrong, in bbolt's words
// where bbolt has them.
func checkPages(r io.ReaderAt, pageSize int, txid uint64, size int64) error {
	if pageSize < 1024 || size < 0 || size%int64(pageSize) != 0 {
		return fmt.Errorf("page size %d and size %d do not fit", pageSize, size)
	}
	w := &pageWalk{r: r, pageSize: uint64(pageSize), hwm: uint64(size) / uint64(pageSize)}
	if w.hwm < 4 {
		return fmt.Errorf("the pages reach only %d bytes", size)
	}
	w.state = make([]pageState, w.hwm)
	root, freelist, err := w.meta(txid)
	if err != nil {
		return err
	}
	if freelist != noFreelist {
		if err := w.freelist(freelist); err != nil {
			return err
		}
	}
	if _, err := w.node(root, 0, nil, nil); err != nil {
		return err
	}
	for id, st := range w.state {
		if st == unseen {
			return fmt.Errorf("page %d: unreachable unfreed", id)
		}
	}
	return nil
}

// meta reads the two meta pages and takes the one bbolt takes (the valid
// one of the higher transaction, else the other valid one), which must be
// of txid; it returns its root bucket's page and its freelist's.
func (w *pageWalk) meta(txid uint64) (root, freelist uint64, err error) {
	type meta struct {
		txid, root, freelist, pgid uint64
		valid                      bool
	}
	var metas [2]meta
	for id := range uint64(2) {
		p := make([]byte, pageHeaderSize+metaSize)
		if _, err := w.r.ReadAt(p, int64(id*w.pageSize)); err != nil {
			return 0, 0, fmt.Errorf("page %d: %v", id, err)
		}
		if got := order.Uint64(p); got != id || order.Uint16(p[8:]) != metaPage {
			return 0, 0, fmt.Errorf("page %d: not a meta page (id %d, flags %#x)", id, got, order.Uint16(p[8:]))
		}
		m := p[pageHeaderSize:]
		sum := fnv.New64a()
		sum.Write(m[:56])
		metas[id] = meta{root: order.Uint64(m[16:]), freelist: order.Uint64(m[32:]), pgid: order.Uint64(m[40:]), txid: order.Uint64(m[48:]),
			valid: order.Uint32(m) == boltMagic && order.Uint32(m[4:]) == boltVersion && uint64(order.Uint32(m[8:])) == w.pageSize &&
				order.Uint64(m[56:]) == sum.Sum64()}
		w.state[id] = reached
	}
	a, b := metas[0], metas[1]
	if b.txid > a.txid {
		a, b = b, a
	}
	m := a
	if !m.valid {
		m = b
	}
	switch {
	case !m.valid:
		return 0, 0, fmt.Errorf("neither meta page is valid")
	case m.txid != txid || m.pgid != w.hwm:
		return 0, 0, fmt.Errorf("the meta page of transaction %d reaches page %d; bbolt read transaction %d to page %d", m.txid, m.pgid, txid, w.hwm)
	case m.root < 2 || m.root >= w.hwm:
		return 0, 0, fmt.Errorf("the root bucket's page %d is out of bounds: %d", m.root, w.hwm)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= w.hwm):
		return 0, 0, fmt.Errorf("the freelist's page %d is out of bounds: %d", m.freelist, w.hwm)
	}
	return m.root, m.freelist, nil
}

// read reads page id and its overflow pages into the buffer of depth,
// checks that it says it is page id, that it and its overflow are below
// the high-water mark and neither reached before nor free, and marks them
// reached; it returns the page and its flags.
func (w *pageWalk) read(id uint64, depth int) ([]byte, uint16, error) {
	if id < 2 || id >= w.hwm {
		return nil, 0, fmt.Errorf("page %d: out of bounds: %d", id, w.hwm)
	}
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, make([]byte, w.pageSize))
	}
	p := w.bufs[depth][:w.pageSize]
	if _, err := w.r.ReadAt(p, int64(id*w.pageSize)); err != nil {
		return nil, 0, fmt.Errorf("page %d: %v", id, err)
	}
	if got := order.Uint64(p); got != id {
		return nil, 0, fmt.Errorf("page %d: it says it is page %d", id, got)
	}
	flags, overflow := order.Uint16(p[8:]), uint64(order.Uint32(p[12:]))
	if overflow >= w.hwm-id {
		return nil, 0, fmt.Errorf("page %d: its %d overflow pages reach past the high-water mark %d", id, overflow, w.hwm)
	}
	for i := id; i <= id+overflow; i++ {
		switch w.state[i] {
		case reached:
			return nil, 0, fmt.Errorf("page %d: multiple references", i)
		case freed:
			return nil, 0, fmt.Errorf("page %d: reachable freed", i)
		}
		w.state[i] = reached
	}
	if overflow > 0 {
		whole := (overflow + 1) * w.pageSize
		if uint64(cap(w.bufs[depth])) < whole {
			w.bufs[depth] = append(w.bufs[depth][:w.pageSize], make([]byte, whole-w.pageSize)...)
		}
		p = w.bufs[depth][:whole]
		if _, err := w.r.ReadAt(p[w.pageSize:], int64((id+1)*w.pageSize)); err != nil {
			return nil, 0, fmt.Errorf("page %d: %v", id, err)
		}
	}
	return p, flags, nil
}

// freelist checks the freelist page and marks the pages it frees.
func (w *pageWalk) freelist(id uint64) error {
	p, flags, err := w.read(id, 0)
	if err != nil {
		return err
	}
	if flags != freelistPage {
		return fmt.Errorf("page %d: invalid freelist page, flags %#x", id, flags)
	}
	first, count := uint64(0), uint64(order.Uint16(p[10:]))
	if count == 0xFFFF {
		// More than 64k ids: the count is the first id's place.
		first, count = 1, order.Uint64(p[pageHeaderSize:])
	}
	if n := uint64(len(p)-pageHeaderSize) / 8; count > n || first+count > n {
		return fmt.Errorf("page %d: the freelist says it holds %d pages, its page has room for %d", id, count, n)
	}
	for i := first; i < first+count; i++ {
		free := order.Uint64(p[pageHeaderSize+8*i:])
		switch {
		case free < 2 || free >= w.hwm:
			return fmt.Errorf("page %d: the freelist frees page %d, out of bounds: %d", id, free, w.hwm)
		case w.state[free] == freed:
			return fmt.Errorf("page %d: already freed", free)
		case w.state[free] == reached:
			return fmt.Errorf("page %d: the freelist frees a page of its own or a meta page", free)
		}
		w.state[free] = freed
	}
	return nil
}

// node checks the page id, at depth of the walk, and the pages below it:
// a branch or a leaf of one bucket's tree, whose keys are all at least lo
// and less than hi (nil for no bound). It returns the page's last key.
func (w *pageWalk) node(id uint64, depth int, lo, hi []byte) ([]byte, error) {
	p, flags, err := w.read(id, depth)
	if err != nil {
		return nil, err
	}
	switch flags {
	case branchPage:
		return w.branch(id, p, depth, lo, hi)
	case leafPage:
		return w.leaf(id, p, depth, lo, hi)
	}
	return nil, fmt.Errorf("page %d: invalid type: flags %#x", id, flags)
}

// elements checks that page p (of page id, for the words) has room for
// its count of elements, and returns the count.
func elements(id uint64, p []byte) (int, error) {
	count := int(order.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return 0, fmt.Errorf("page %d: %d elements do not fit in its %d bytes", id, count, len(p))
	}
	return count, nil
}

// within is the n bytes of p from the offset from, if they lie inside p.
func within(p []byte, from uint64, n uint32) ([]byte, bool) {
	if from > uint64(len(p)) || uint64(n) > uint64(len(p))-from {
		return nil, false
	}
	return p[from : from+uint64(n)], true
}

// inOrder checks key, the i-th of page id, against the key before it on
// the page (or lo for the first) and against hi.
func inOrder(id uint64, i int, key, before, hi []byte) error {
	switch c := bytes.Compare(before, key); {
	case before != nil && c > 0, i > 0 && c == 0:
		return fmt.Errorf("page %d: key %d (%x) is not after the key before it (%x)", id, i, key, before)
	case hi != nil && bytes.Compare(key, hi) >= 0:
		return fmt.Errorf("page %d: key %d (%x) is not before the next key of the branch above (%x)", id, i, key, hi)
	}
	return nil
}

func (w *pageWalk) branch(id uint64, p []byte, depth int, lo, hi []byte) ([]byte, error) {
	count, err := elements(id, p)
	if err != nil {
		return nil, err
	}
	if count == 0 {
		return nil, fmt.Errorf("page %d: a branch page without elements", id)
	}
	keys := make([][]byte, count)
	children := make([]uint64, count)
	for i := range count {
		at := pageHeaderSize + i*elementSize
		// An element's pos is counted from the element itself.
		key, ok := within(p, uint64(at)+uint64(order.Uint32(p[at:])), order.Uint32(p[at+4:]))
		if !ok {
			return nil, fmt.Errorf("page %d: key %d lies outside the page", id, i)
		}
		keys[i], children[i] = key, order.Uint64(p[at+8:])
	}
	before := lo
	for i, key := range keys {
		if err := inOrder(id, i, key, before, hi); err != nil {
			return nil, err
		}
		next := hi
		if i+1 < count {
			next = keys[i+1]
		}
		last, err := w.node(children[i], depth+1, key, next)
		if err != nil {
			return nil, err
		}
		// The pages below are read into the buffers of the depths below,
		// which the next child reads over.
		before = bytes.Clone(last)
	}
	return before, nil
}

func (w *pageWalk) leaf(id uint64, p []byte, depth int, lo, hi []byte) ([]byte, error) {
	count, err := elements(id, p)
	if err != nil {
		return nil, err
	}
	before := lo
	for i := range count {
		at := pageHeaderSize + i*elementSize
		flags, pos, ksize, vsize := order.Uint32(p[at:]), order.Uint32(p[at+4:]), order.Uint32(p[at+8:]), order.Uint32(p[at+12:])
		key, ok := within(p, uint64(at)+uint64(pos), ksize)
		if !ok {
			return nil, fmt.Errorf("page %d: key %d lies outside the page", id, i)
		}
		value, ok := within(p, uint64(at)+uint64(pos)+uint64(ksize), vsize)
		if !ok {
			return nil, fmt.Errorf("page %d: value %d lies outside the page", id, i)
		}
		if err := inOrder(id, i, key, before, hi); err != nil {
			return nil, err
		}
		before = key
		switch flags {
		case 0:
		case bucketLeaf:
			if err := w.bucket(id, key, value, depth+1); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("page %d: element %d has unknown flags %#x", id, i, flags)
		}
	}
	return before, nil
}

// bucket checks the bucket whose header is value (key, on page id, for
// the words): its own tree, or its page inline in value.
func (w *pageWalk) bucket(id uint64, key, value []byte, depth int) error {
	if len(value) < bucketHeaderSize {
		return fmt.Errorf("page %d: bucket %q: its header is %d bytes", id, key, len(value))
	}
	if root := order.Uint64(value); root != 0 {
		return w.subtree(root, depth)
	}
	inline := value[bucketHeaderSize:]
	if len(inline) < pageHeaderSize {
		return fmt.Errorf("page %d: bucket %q: its inline page is %d bytes", id, key, len(inline))
	}
	if flags := order.Uint16(inline[8:]); flags != leafPage {
		return fmt.Errorf("page %d: bucket %q: its inline page is not a leaf (flags %#x)", id, key, flags)
	}
	_, err := w.leaf(id, inline, depth, nil, nil)
	return err
}

// subtree checks the tree of a bucket from its root page.
func (w *pageWalk) subtree(root uint64, depth int) error {
	_, err := w.node(root, depth, nil, nil)
	return err
}

// checkFile runs checkPages on the file at path.
func checkFile(path string, pageSize int, txid uint64, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return checkPages(f, pageSize, txid, size)
}
