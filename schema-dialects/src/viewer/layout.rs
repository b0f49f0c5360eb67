//! Positions of the table boxes and the paths of the relationship lines, computed by the
//! `layout-rs` crate (a Sugiyama-style layered layout, like Graphviz `dot`).

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

/// A box to place, by size.
pub(super) struct NodeSize {
    pub width: f64,
    pub height: f64,
}

/// Where everything went. Coordinates are SVG user units, top-left at (0, 0).
pub(super) struct Placement {
    /// Top-left corner of each node, in input order.
    pub nodes: Vec<(f64, f64)>,
    /// One SVG path (`d` attribute) per edge, in input order; empty for an edge that was not
    /// laid out (a self-reference is drawn by the caller).
    pub edges: Vec<String>,
    /// Total width and height.
    pub size: (f64, f64),
}

/// Lays out `nodes` with `edges` (from, to) between them. Never panics: if the layout crate
/// fails on some input, the boxes are placed on a grid and edges drawn straight.
pub(super) fn place(nodes: &[NodeSize], edges: &[(usize, usize)]) -> Placement {
    let laid_out = std::panic::catch_unwind(|| with_layout_rs(nodes, edges));
    let placement = match laid_out {
        Ok(Some(placement)) => placement,
        _ => grid(nodes, edges),
    };
    let mut placement = normalise(placement, nodes);
    wrap_wide_ranks(&mut placement, nodes, edges);
    placement
}

/// The gap between boxes of one row, and between rows.
const GAP: f64 = 40.0;

/// A layered layout puts every table of a rank on one line: a hub referenced by 299 tables gives
/// a rank 299 boxes wide, which no screen can show. Ranks wider than about 1.6 times the side of
/// a square holding every box are wrapped onto several rows (keeping layout-rs's order within the
/// rank, which minimises crossings), the ranks below move down, and the edges are redrawn as
/// curves from the referenced table's bottom to the referencing table's top.
fn wrap_wide_ranks(placement: &mut Placement, nodes: &[NodeSize], edges: &[(usize, usize)]) {
    use std::collections::BTreeMap;
    let area: f64 = nodes
        .iter()
        .map(|n| (n.width + GAP) * (n.height + GAP))
        .sum();
    let limit = (area.sqrt() * 1.6).max(1600.0);
    let mut ranks: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (index, (node, position)) in nodes.iter().zip(&placement.nodes).enumerate() {
        let centre = position.1 + node.height / 2.0;
        ranks.entry(centre.round() as i64).or_default().push(index);
    }
    let rank_width =
        |members: &[usize]| -> f64 { members.iter().map(|&i| nodes[i].width + GAP).sum::<f64>() };
    if ranks.values().all(|members| rank_width(members) <= limit) {
        return;
    }
    let mut y = 20.0;
    for members in ranks.values_mut() {
        members.sort_by(|&a, &b| placement.nodes[a].0.total_cmp(&placement.nodes[b].0));
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut width = 0.0;
        for &member in members.iter() {
            let w = nodes[member].width + GAP;
            if width + w > limit && rows.last().is_some_and(|row| !row.is_empty()) {
                rows.push(Vec::new());
                width = 0.0;
            }
            width += w;
            if let Some(row) = rows.last_mut() {
                row.push(member);
            }
        }
        for row in rows {
            let row_width = rank_width(&row);
            let mut x = 20.0 + ((limit - row_width) / 2.0).max(0.0);
            let mut height: f64 = 0.0;
            for member in row {
                placement.nodes[member] = (x, y);
                x += nodes[member].width + GAP;
                height = height.max(nodes[member].height);
            }
            y += height + GAP;
        }
        y += GAP;
    }
    placement.edges = edges
        .iter()
        .map(|&(from, to)| {
            if from == to || from >= nodes.len() || to >= nodes.len() {
                return String::new();
            }
            let (px, py) = placement.nodes[to];
            let (cx, cy) = placement.nodes[from];
            let (x1, y1) = (px + nodes[to].width / 2.0, py + nodes[to].height);
            let (x2, y2) = (cx + nodes[from].width / 2.0, cy);
            let bend = ((y2 - y1).abs() / 2.0).max(40.0);
            format!(
                "M{x1:.1} {y1:.1} C{x1:.1} {:.1} {x2:.1} {:.1} {x2:.1} {y2:.1}",
                y1 + bend,
                y2 - bend
            )
        })
        .collect();
    let right = placement
        .nodes
        .iter()
        .zip(nodes)
        .map(|(p, n)| p.0 + n.width)
        .fold(0.0, f64::max);
    placement.size = (right + 60.0, y);
}

#[derive(Default)]
struct Capture {
    arrows: Vec<(usize, String)>,
}

impl RenderBackend for Capture {
    fn draw_rect(
        &mut self,
        _: Point,
        _: Point,
        _: &StyleAttr,
        _: Option<String>,
        _: Option<ClipHandle>,
    ) {
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        let Some(index) = properties.and_then(|p| p.parse::<usize>().ok()) else {
            return;
        };
        if path.len() < 2 {
            return;
        }
        // Same encoding as layout-rs's SVG backend: an exit vector, then entry vectors.
        let mut d = format!(
            "M{:.1} {:.1} C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for point in &path[2..] {
            d.push_str(&format!(
                " S{:.1} {:.1} {:.1} {:.1}",
                point.0.x, point.0.y, point.1.x, point.1.y
            ));
        }
        self.arrows.push((index, d));
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

fn with_layout_rs(nodes: &[NodeSize], edges: &[(usize, usize)]) -> Option<Placement> {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let handles: Vec<_> = nodes
        .iter()
        .map(|node| {
            graph.add_node(Element::create(
                ShapeKind::new_box(""),
                StyleAttr::simple(),
                Orientation::TopToBottom,
                Point::new(node.width, node.height),
            ))
        })
        .collect();
    for (index, &(from, to)) in edges.iter().enumerate() {
        if from == to || from >= nodes.len() || to >= nodes.len() {
            continue;
        }
        // Parent above child: edges point from the referenced table down to the referencing one.
        let mut arrow = Arrow::simple("");
        arrow.properties = Some(index.to_string());
        graph.add_edge(arrow, handles[to], handles[from]);
    }
    let mut capture = Capture::default();
    graph.do_it(false, false, false, &mut capture);
    let positions = handles
        .iter()
        .map(|&handle| {
            let (top_left, _) = graph.pos(handle).bbox(false);
            (top_left.x, top_left.y)
        })
        .collect();
    let mut paths = vec![String::new(); edges.len()];
    for (index, d) in capture.arrows {
        if let Some(slot) = paths.get_mut(index) {
            *slot = d;
        }
    }
    Some(Placement {
        nodes: positions,
        edges: paths,
        size: (0.0, 0.0),
    })
}

/// The fallback: rows of boxes, straight edges between centres.
fn grid(nodes: &[NodeSize], edges: &[(usize, usize)]) -> Placement {
    let per_row = (nodes.len() as f64).sqrt().ceil().max(1.0) as usize;
    let mut positions = Vec::with_capacity(nodes.len());
    let (mut x, mut y, mut row_height) = (0.0_f64, 0.0_f64, 0.0_f64);
    for (i, node) in nodes.iter().enumerate() {
        if i > 0 && i % per_row == 0 {
            x = 0.0;
            y += row_height + 60.0;
            row_height = 0.0;
        }
        positions.push((x, y));
        x += node.width + 60.0;
        row_height = row_height.max(node.height);
    }
    let centre = |i: usize| {
        let (x, y) = positions[i];
        (x + nodes[i].width / 2.0, y + nodes[i].height / 2.0)
    };
    let paths = edges
        .iter()
        .map(|&(from, to)| {
            if from == to || from >= nodes.len() || to >= nodes.len() {
                return String::new();
            }
            let (a, b) = (centre(to), centre(from));
            format!("M{:.1} {:.1} L{:.1} {:.1}", a.0, a.1, b.0, b.1)
        })
        .collect();
    Placement {
        nodes: positions,
        edges: paths,
        size: (0.0, 0.0),
    }
}

/// Moves everything so the top-left is at (20, 20) and computes the size.
fn normalise(mut placement: Placement, nodes: &[NodeSize]) -> Placement {
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    for position in &mut placement.nodes {
        *position = (finite(position.0), finite(position.1));
    }
    let min_x = placement
        .nodes
        .iter()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min);
    let min_y = placement
        .nodes
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min);
    let (dx, dy) = if min_x.is_finite() {
        (20.0 - min_x, 20.0 - min_y)
    } else {
        (0.0, 0.0)
    };
    for position in &mut placement.nodes {
        position.0 += dx;
        position.1 += dy;
    }
    placement.edges = placement
        .edges
        .iter()
        .map(|d| shift_path(d, dx, dy))
        .collect();
    let width = placement
        .nodes
        .iter()
        .zip(nodes)
        .map(|(p, n)| p.0 + n.width)
        .fold(0.0, f64::max);
    let height = placement
        .nodes
        .iter()
        .zip(nodes)
        .map(|(p, n)| p.1 + n.height)
        .fold(0.0, f64::max);
    // Room on the right for self-reference loops.
    placement.size = (width + 60.0, height + 20.0);
    placement
}

/// Adds (dx, dy) to every coordinate pair of a path made of `M`, `C`, `S`, `L` commands.
fn shift_path(d: &str, dx: f64, dy: f64) -> String {
    let mut out = String::with_capacity(d.len());
    let mut numbers = Vec::new();
    let flush = |out: &mut String, numbers: &mut Vec<f64>| {
        for (i, n) in numbers.iter().enumerate() {
            let shifted = if i % 2 == 0 { n + dx } else { n + dy };
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&format!(
                "{:.1}",
                if shifted.is_finite() { shifted } else { 0.0 }
            ));
        }
        numbers.clear();
    };
    for token in d.split_whitespace() {
        let (command, rest) = match token.chars().next() {
            Some(c) if c.is_ascii_alphabetic() => (Some(c), &token[1..]),
            _ => (None, token),
        };
        if let Some(c) = command {
            flush(&mut out, &mut numbers);
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
        }
        if let Ok(n) = rest.parse::<f64>() {
            numbers.push(n);
        }
    }
    flush(&mut out, &mut numbers);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hub_rank_is_wrapped_into_rows() {
        let nodes: Vec<NodeSize> = (0..200)
            .map(|_| NodeSize {
                width: 150.0,
                height: 80.0,
            })
            .collect();
        let edges: Vec<(usize, usize)> = (1..200).map(|i| (i, 0)).collect();
        let placement = place(&nodes, &edges);
        let (width, height) = placement.size;
        assert!(width < 4.0 * height, "{width} x {height}");
        // No two boxes overlap.
        for a in 0..nodes.len() {
            for b in a + 1..nodes.len() {
                let (pa, pb) = (placement.nodes[a], placement.nodes[b]);
                let apart = pa.0 + 150.0 <= pb.0
                    || pb.0 + 150.0 <= pa.0
                    || pa.1 + 80.0 <= pb.1
                    || pb.1 + 80.0 <= pa.1;
                assert!(apart, "{a} {b}");
            }
        }
        assert!(placement.edges.iter().skip(1).all(|d| d.starts_with('M')));
    }

    #[test]
    fn paths_are_shifted() {
        assert_eq!(
            shift_path("M1 2 C3 4 5 6 7 8", 10.0, 100.0),
            "M11.0 102.0 C13.0 104.0 15.0 106.0 17.0 108.0"
        );
    }

    #[test]
    fn every_node_is_placed_without_overlap_in_a_chain() {
        let nodes: Vec<NodeSize> = (0..5)
            .map(|_| NodeSize {
                width: 100.0,
                height: 50.0,
            })
            .collect();
        let placement = place(&nodes, &[(1, 0), (2, 1), (3, 2), (4, 4)]);
        assert_eq!(placement.nodes.len(), 5);
        assert!(placement.edges[0].starts_with('M'));
        assert!(
            placement.edges[3].is_empty(),
            "self-reference is drawn by the caller"
        );
        assert!(placement.size.0 > 0.0 && placement.size.1 > 0.0);
    }
}
