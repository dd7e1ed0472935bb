//! The tagger's automaton: the goto function of an Aho-Corasick automaton
//! (a trie over all pattern bytes) without failure links, because the tagger
//! only ever starts a match at a word start. Dropping the failure links makes
//! building it a single pass over the sorted patterns, and a walk from a word
//! start ends as soon as no pattern continues.

/// A trie node while building: its edges (a range of `labels`/`targets`) and
/// the value of the pattern that ends here, if any.
#[derive(Clone, Copy, Debug)]
struct Node {
    first_edge: u32,
    edge_count: u32,
    value: u32,
    /// Where one pattern alone goes on below this node: the pattern's index,
    /// the depth of this node, and the leaf node that holds its value. Its
    /// remaining bytes are then a chain read from the pattern, not a node
    /// apiece; most bytes of a list of names lie on such tails.
    tail: Option<(u32, u32, u32)>,
}

const NONE: u32 = u32::MAX;

/// The longest chain one record holds; a longer one continues in the next.
const MAX_CHAIN: usize = u16::MAX as usize;

/// A node two bytes below the root with this many edges or more gets a
/// table of 257 words like the root's children instead of a record: it is
/// where walks branch most, and a list of a dozen labels is searched
/// slowly (with 40,000 names, 438 nodes: 450 KB).
const TABLE_FROM_EDGES: u32 = 8;
/// Marks an offset in a second-level table that points to another table in
/// `second`, not to a record in `data`.
const TABLE: u32 = 1 << 31;

/// An immutable byte trie mapping patterns to `u32` values.
///
/// The first two steps of every walk, where the tries of names are widest
/// and every walk passes, are two table reads. Below them the trie is
/// path-compressed and laid out depth-first in one `u32` array, so that a
/// name's tail, which in a trie of names is mostly a chain of one-child
/// nodes, is one run of bytes read from one or two cache lines rather than a
/// node per byte scattered over the array. A record is
/// `[chain length | edge count << 16, value, chain bytes packed four to a
/// word..., edge labels packed four to a word..., edge targets...]`: the
/// bytes to match after the edge that led here, the value of the pattern
/// ending after them, and the edges onward.
#[derive(Debug)]
pub(crate) struct Trie {
    /// For each byte, the offset in `second` of the table of the node the
    /// root reaches by it, or `NONE`.
    root: Box<[u32; 256]>,
    /// For each node one byte below the root, 257 words: the value of the
    /// one-byte pattern ending there, then the offset in `data` of the record
    /// reached by each next byte. Then the same for the nodes two bytes
    /// below the root with [`TABLE_FROM_EDGES`] edges or more, which the
    /// first tables reach by an offset in `second` marked with [`TABLE`].
    second: Vec<u32>,
    data: Vec<u32>,
    /// Fold ASCII letters to lower case while walking (the patterns must be
    /// lower case already).
    ascii_lowercase: bool,
}

/// Packs `bytes` four to a little-endian word.
fn pack(bytes: impl ExactSizeIterator<Item = u8>, out: &mut Vec<u32>) {
    let mut word = 0u32;
    let len = bytes.len();
    for (i, b) in bytes.enumerate() {
        word |= u32::from(b) << (8 * (i % 4));
        if i % 4 == 3 {
            out.push(word);
            word = 0;
        }
    }
    if len % 4 != 0 {
        out.push(word);
    }
}

/// The index of `byte` among the first `count` labels packed in `labels`.
#[inline]
fn find_label(labels: &[u32], count: usize, byte: u8) -> Option<usize> {
    let broadcast = u32::from(byte) * 0x0101_0101;
    for (w, &word) in labels.iter().enumerate() {
        // Bytes of `word` equal to `byte` become zero; find the first.
        let x = word ^ broadcast;
        let zeros = (x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080).trailing_zeros() as usize;
        if zeros < 32 {
            let i = w * 4 + zeros / 8;
            return (i < count).then_some(i);
        }
    }
    None
}

/// Lower-cases the ASCII letters among the four bytes of `word`.
#[inline]
fn ascii_lowercase_word(word: u32) -> u32 {
    let low7 = word & 0x7f7f_7f7f;
    let above_z = low7 + 0x2525_2525; // high bit set where a byte > b'Z'
    let from_a = low7 + 0x3f3f_3f3f; // high bit set where a byte >= b'A'
    let upper = from_a & !above_z & !word & 0x8080_8080;
    word | (upper >> 2)
}

impl Trie {
    /// Builds the trie of `patterns`, which must be sorted by bytes and
    /// free of duplicates and empty strings.
    pub(crate) fn new(patterns: &[(&[u8], u32)], ascii_lowercase: bool) -> Trie {
        let mut nodes: Vec<Node> = Vec::with_capacity(patterns.len() * 4);
        let mut labels: Vec<u8> = Vec::with_capacity(patterns.len() * 4);
        let mut targets: Vec<u32> = Vec::with_capacity(patterns.len() * 4);
        let push_node = |nodes: &mut Vec<Node>| {
            nodes.push(Node {
                first_edge: 0,
                edge_count: 0,
                value: NONE,
                tail: None,
            });
            (nodes.len() - 1) as u32
        };
        // Node 0 is the root; work items: (node, depth, patterns sharing its prefix).
        let root = push_node(&mut nodes);
        let mut stack: Vec<(u32, usize, usize, usize)> = vec![(root, 0, 0, patterns.len())];
        while let Some((node, depth, mut start, end)) = stack.pop() {
            // Below the two table levels, a single pattern that goes on is a
            // tail. A pattern longer than a chain may be keeps its nodes, so
            // that no chain through a tail outgrows a record.
            if depth >= 2
                && end == start + 1
                && patterns
                    .get(start)
                    .is_some_and(|(p, _)| p.len() > depth && p.len() <= MAX_CHAIN)
            {
                let leaf = push_node(&mut nodes);
                nodes[leaf as usize].value = patterns[start].1;
                nodes[node as usize].tail = Some((start as u32, depth as u32, leaf));
                continue;
            }
            if start < end && patterns[start].0.len() == depth {
                nodes[node as usize].value = patterns[start].1;
                start += 1;
            }
            let first_edge = labels.len() as u32;
            let mut count = 0;
            while start < end {
                let byte = patterns[start].0[depth];
                let group_end =
                    start + patterns[start..end].partition_point(|(p, _)| p[depth] == byte);
                let child = push_node(&mut nodes);
                labels.push(byte);
                targets.push(child);
                stack.push((child, depth + 1, start, group_end));
                count += 1;
                start = group_end;
            }
            let n = &mut nodes[node as usize];
            n.first_edge = first_edge;
            n.edge_count = count;
        }
        let edges = |n: Node| n.first_edge as usize..(n.first_edge + n.edge_count) as usize;

        // The chain below a node reached by an edge: the labels of one-child
        // nodes without a value, appended to `out`, and the node where it
        // ends.
        let chain = |mut id: u32, out: &mut Vec<u8>| {
            let start = out.len();
            loop {
                let n = nodes[id as usize];
                if let Some((pattern, depth, leaf)) = n.tail {
                    out.extend_from_slice(&patterns[pattern as usize].0[depth as usize..]);
                    return leaf;
                }
                if n.value != NONE || n.edge_count != 1 || out.len() - start == MAX_CHAIN {
                    return id;
                }
                out.push(labels[n.first_edge as usize]);
                id = targets[n.first_edge as usize];
            }
        };
        let record_size = |chain_len: usize, n: Node| {
            2 + chain_len.div_ceil(4) + (n.edge_count as usize).div_ceil(4) + n.edge_count as usize
        };

        // Records start at the grandchildren of the root. First pass: the
        // depth-first order and offset of each record.
        let mut offset = vec![NONE; nodes.len()];
        let mut total = 0usize;
        let r = nodes[root as usize];
        let mut work: Vec<u32> = targets[edges(r)]
            .iter()
            .flat_map(|&child| targets[edges(nodes[child as usize])].iter().copied())
            .collect();
        work.reverse();
        // Each record: where its chain lies in `chains`, and its end node.
        let mut order: Vec<(usize, usize, u32)> = Vec::new();
        let mut chains: Vec<u8> = Vec::new();
        let mut grandchild = vec![false; nodes.len()];
        for &id in &work {
            grandchild[id as usize] = true;
        }
        // The nodes that get a table instead of a record.
        let mut tabled: Vec<u32> = Vec::new();
        while let Some(id) = work.pop() {
            let n = nodes[id as usize];
            if grandchild[id as usize] && n.tail.is_none() && n.edge_count >= TABLE_FROM_EDGES {
                tabled.push(id);
                work.extend(targets[edges(n)].iter().rev());
                continue;
            }
            let start = chains.len();
            let end = chain(id, &mut chains);
            let n = nodes[end as usize];
            offset[id as usize] = total as u32;
            total += record_size(chains.len() - start, n);
            order.push((start, chains.len(), end));
            work.extend(targets[edges(n)].iter().rev());
        }
        // Second pass: write them.
        let mut data = Vec::with_capacity(total);
        for &(start, stop, end) in &order {
            let n = nodes[end as usize];
            data.push((stop - start) as u32 | n.edge_count << 16);
            data.push(n.value);
            pack(chains[start..stop].iter().copied(), &mut data);
            pack(labels[edges(n)].iter().copied(), &mut data);
            data.extend(targets[edges(n)].iter().map(|&t| offset[t as usize]));
        }

        let mut root_table = Box::new([NONE; 256]);
        let mut second = Vec::new();
        // A table of 257 words for `node`: its value, then the offset of the
        // record each byte leads to.
        let push_table = |second: &mut Vec<u32>, node: Node, offset: &[u32]| {
            let table = second.len();
            second.push(node.value);
            second.extend([NONE; 256]);
            for e in edges(node) {
                let b = labels[e];
                let target = offset[targets[e] as usize];
                second[table + 1 + b as usize] = target;
                if ascii_lowercase && b.is_ascii_lowercase() {
                    second[table + 1 + b.to_ascii_uppercase() as usize] = target;
                }
            }
            table as u32
        };
        // The tables of wide nodes two bytes down go after the first
        // level's, which point to them.
        let first_tables = r.edge_count as usize * 257;
        for (i, &id) in tabled.iter().enumerate() {
            let at = (first_tables + i * 257) as u32;
            assert!(at < TABLE, "the trie is too large");
            offset[id as usize] = at | TABLE;
        }
        for e in edges(r) {
            let table = push_table(&mut second, nodes[targets[e] as usize], &offset);
            root_table[labels[e] as usize] = table;
        }
        for &id in &tabled {
            push_table(&mut second, nodes[id as usize], &offset);
        }
        if ascii_lowercase {
            for b in b'a'..=b'z' {
                root_table[b.to_ascii_uppercase() as usize] = root_table[b as usize];
            }
        }
        Trie {
            root: root_table,
            second,
            data,
            ascii_lowercase,
        }
    }

    /// Walks `text` from `at` and calls `on_match(end, value)` for every
    /// pattern that starts at `at`, shortest first.
    #[inline]
    pub(crate) fn walk(&self, text: &[u8], at: usize, mut on_match: impl FnMut(usize, u32)) {
        let Some(&first) = text.get(at) else { return };
        let table = self.root[first as usize] as usize;
        let Some(mut next) = self.table_step(table, text, at + 1, &mut on_match) else {
            return;
        };
        let mut pos = at + 2;
        if next != NONE && next & TABLE != 0 {
            // A wide node two bytes down: one more table step.
            let table = (next & !TABLE) as usize;
            let Some(after) = self.table_step(table, text, pos, &mut on_match) else {
                return;
            };
            next = after;
            pos += 1;
        }
        let mut record = next as usize;
        while let Some(&[meta, value]) = self.data.get(record..record + 2) {
            let chain_len = (meta & 0xFFFF) as usize;
            let count = (meta >> 16) as usize;
            let chain_start = record + 2;
            let chain_words = chain_len.div_ceil(4);
            // Most records walked through are branching nodes, whose chain
            // is empty.
            if chain_len != 0 {
                let (Some(chain), Some(rest)) = (
                    self.data.get(chain_start..chain_start + chain_words),
                    text.get(pos..pos + chain_len),
                ) else {
                    return;
                };
                if !self.chain_matches(chain, rest) {
                    return;
                }
                pos += chain_len;
            }
            if value != NONE {
                on_match(pos, value);
            }
            let Some(&byte) = text.get(pos) else { return };
            let label_start = chain_start + chain_words;
            let label_words = count.div_ceil(4);
            let Some(labels) = self.data.get(label_start..label_start + label_words) else {
                return;
            };
            let Some(i) = find_label(labels, count, self.fold(byte)) else {
                return;
            };
            record = match self.data.get(label_start + label_words + i) {
                Some(&next) => next as usize,
                None => return,
            };
            pos += 1;
        }
    }

    /// A step through the table at `table` in `second`, with the text at
    /// `pos`: reports the pattern ending at `pos` if the table's node has
    /// one, and gives the offset the byte at `pos` leads to (`NONE` where it
    /// leads nowhere); `None` at the end of the text or of the trie.
    #[inline]
    fn table_step(
        &self,
        table: usize,
        text: &[u8],
        pos: usize,
        on_match: &mut impl FnMut(usize, u32),
    ) -> Option<u32> {
        let &value = self.second.get(table)?;
        if value != NONE {
            on_match(pos, value);
        }
        let &byte = text.get(pos)?;
        self.second.get(table + 1 + byte as usize).copied()
    }

    #[inline]
    fn fold(&self, byte: u8) -> u8 {
        if self.ascii_lowercase {
            byte.to_ascii_lowercase()
        } else {
            byte
        }
    }

    /// True when `text` (as long as the chain) spells the chain packed in
    /// `chain`, compared four bytes at a time.
    #[inline]
    fn chain_matches(&self, chain: &[u32], text: &[u8]) -> bool {
        let fold = |word: u32| {
            if self.ascii_lowercase {
                ascii_lowercase_word(word)
            } else {
                word
            }
        };
        let mut words = text.chunks_exact(4);
        for (chunk, &expected) in (&mut words).zip(chain) {
            let word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            if fold(word) != expected {
                return false;
            }
        }
        let tail = words.remainder();
        if tail.is_empty() {
            return true;
        }
        // One to three bytes: shifted in, not copied (see `blocks::head`).
        let word = crate::text::blocks::short_head(tail) as u32;
        chain.last() == Some(&fold(word))
    }

    /// True when the trie holds no pattern.
    pub(crate) fn is_empty(&self) -> bool {
        self.second.is_empty()
    }

    /// True when some pattern starts with `byte`.
    #[cfg(test)]
    fn starts_with(&self, byte: u8) -> bool {
        self.root[byte as usize] != NONE
    }

    /// Bytes of memory the trie holds.
    pub(crate) fn memory_usage(&self) -> usize {
        256 * 4 + self.second.len() * 4 + self.data.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(words: &[&str], lower: bool) -> Trie {
        let mut patterns: Vec<(&[u8], u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_bytes(), i as u32))
            .collect();
        patterns.sort();
        Trie::new(&patterns, lower)
    }

    fn matches(t: &Trie, text: &str, at: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        t.walk(text.as_bytes(), at, |end, v| out.push((end, v)));
        out
    }

    #[test]
    fn finds_every_pattern_starting_at_a_position() {
        let t = trie(&["Iraq", "Iran", "Iraq War", "I", "Baghdad"], false);
        assert_eq!(matches(&t, "Iraq War began", 0), [(1, 3), (4, 0), (8, 2)]);
        assert_eq!(matches(&t, "Iranian", 0), [(1, 3), (4, 1)]);
        assert_eq!(matches(&t, "in Baghdad", 3), [(10, 4)]);
        assert_eq!(matches(&t, "iraq", 0), []);
        assert_eq!(matches(&t, "", 0), []);
    }

    #[test]
    fn chains_end_at_values_branches_and_any_length() {
        let long = "Q".repeat(MAX_CHAIN * 2 + 7);
        let t = trie(
            &[
                "Kurdistan",
                "Kurdistan Region",
                "Kurdistan Regional Government",
                &long,
            ],
            false,
        );
        assert_eq!(
            matches(&t, "Kurdistan Regional Government", 0),
            [(9, 0), (16, 1), (29, 2)]
        );
        assert_eq!(matches(&t, "Kurdistan Regio", 0), [(9, 0)]);
        assert_eq!(matches(&t, "Kurdistan Regiom", 0), [(9, 0)]);
        assert_eq!(matches(&t, "Kurdish", 0), []);
        assert_eq!(matches(&t, &long, 0), [(long.len(), 3)]);
        assert_eq!(matches(&t, &long[1..], 0), []);
        assert_eq!(matches(&t, &format!("{long}Q"), 0), [(long.len(), 3)]);
    }

    #[test]
    fn folds_ascii_case_when_asked() {
        let t = trie(&["ibuprofen", "ibuprofen lysine"], true);
        assert_eq!(matches(&t, "IbuProfen", 0), [(9, 0)]);
        assert_eq!(matches(&t, "IBUPROFEN LYSINE", 0), [(9, 0), (16, 1)]);
        assert_eq!(matches(&t, "ibuprofen lysin", 0), [(9, 0)]);
        assert_eq!(matches(&t, "ibuprofen@lysine", 0), [(9, 0)]);
        assert!(t.starts_with(b'I') && t.starts_with(b'i') && !t.starts_with(b'x'));
    }

    #[test]
    fn walks_find_exactly_the_patterns_that_start_there() {
        // Tails below a branch ("abd"), below a value ("abcdef" past "abc"),
        // from the first record level ("bcdefghij", "cde"), beside patterns
        // of one and two bytes that keep their nodes, and through a table
        // two bytes down ("th").
        let words = [
            "a",
            "ab",
            "abc",
            "abcdef",
            "abd",
            "b",
            "bcdefghij",
            "cd",
            "cde",
            "x y z",
            "x yy",
            "zzzzzzzzzzzzzzzzzzzzzz",
            "zzz",
            // A node two bytes down with enough edges for a table, with a
            // value, and below it a value and a tail.
            "th",
            "th1",
            "tha",
            "thailand",
            "the",
            "the hague",
            "thi",
            "tho",
            "thr",
            "thu",
            "thy",
        ];
        let texts = [
            "abcdefg",
            "abd",
            "ab",
            "a",
            "bcdefghij!",
            "bcdefgh",
            "cde",
            "cd",
            "x y z",
            "x yy",
            "x y",
            "zzzzzzzzzzzzzzzzzzzzzzzz",
            "zz",
            "ABCDEF",
            "Cde",
            "the hague",
            "the hag",
            "THE HAGUE",
            "thailand!",
            "th",
            "thx",
            "thy",
            "t",
        ];
        for lower in [false, true] {
            let t = trie(&words, lower);
            for text in texts {
                let expected: Vec<(usize, u32)> = {
                    let mut found: Vec<(usize, u32)> = words
                        .iter()
                        .enumerate()
                        .filter(|(_, w)| {
                            let head = text.get(..w.len());
                            head.is_some_and(|h| {
                                if lower {
                                    h.eq_ignore_ascii_case(w)
                                } else {
                                    h == **w
                                }
                            })
                        })
                        .map(|(i, w)| (w.len(), i as u32))
                        .collect();
                    found.sort();
                    found
                };
                assert_eq!(matches(&t, text, 0), expected, "{text:?}, lower {lower}");
            }
        }
    }
}
