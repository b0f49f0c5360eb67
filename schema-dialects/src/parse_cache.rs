//! Parsed SQL kept for the length of one render.
//!
//! [`Dialect::render`](crate::Dialect::render) validates the schema for the engine and then
//! writes it: both parse every CHECK, index predicate and view body, and parsing (sqlparser) is
//! most of the cost of a render. Inside [`within`], [`parsed`] parses each text once per engine
//! and hands every later caller the same result; outside it (a plain [`Dialect::check`]
//! (crate::Dialect::check), introspection), [`parsed`] just parses. Parsing is a pure function
//! of the engine's grammar and the text, so a cached result is the result a second parse would
//! give.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use schema_core::Engine;

/// Results by what was parsed into (expression, view body), engine and text.
type Cache = HashMap<(TypeId, Engine), HashMap<String, Rc<dyn Any>>>;

thread_local! {
    /// The cache of the render running on this thread, if any.
    static CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

/// Runs `render` with a fresh cache, dropped when it returns (or unwinds); the cache of an
/// enclosing render, if any, is restored afterwards.
pub(crate) fn within<T>(render: impl FnOnce() -> T) -> T {
    /// Puts the enclosing render's cache back, even on unwinding.
    struct Restore(Option<Cache>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            CACHE.with(|cache| *cache.borrow_mut() = outer);
        }
    }
    let outer = CACHE.with(|cache| cache.borrow_mut().replace(Cache::new()));
    let _restore = Restore(outer);
    render()
}

/// `parse()` of `sql` on `engine`: inside [`within`], computed once per text and shared.
pub(crate) fn parsed<T: 'static>(engine: Engine, sql: &str, parse: impl FnOnce() -> T) -> Rc<T> {
    let key = (TypeId::of::<T>(), engine);
    let hit = CACHE.with(|cache| {
        cache
            .borrow()
            .as_ref()
            .map(|cache| cache.get(&key).and_then(|texts| texts.get(sql)).cloned())
    });
    match hit {
        // Not rendering: nothing to share.
        None => Rc::new(parse()),
        Some(Some(found)) => match found.downcast::<T>() {
            Ok(found) => found,
            // Unreachable: the key holds T's type.
            Err(_) => Rc::new(parse()),
        },
        Some(None) => {
            let result = Rc::new(parse());
            CACHE.with(|cache| {
                if let Some(cache) = cache.borrow_mut().as_mut() {
                    cache
                        .entry(key)
                        .or_default()
                        .insert(sql.to_string(), result.clone() as Rc<dyn Any>);
                }
            });
            result
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_parsed_once_per_render_and_engine() {
        let mut calls = 0;
        let mut count = |engine, sql: &str| {
            parsed(engine, sql, || {
                calls += 1;
                sql.len()
            })
        };
        // Outside a render every call parses.
        assert_eq!(*count(Engine::Postgres, "a > 0"), 5);
        assert_eq!(*count(Engine::Postgres, "a > 0"), 5);
        assert_eq!(calls, 2);
        calls = 0;
        within(|| {
            let mut count = |engine, sql: &str| {
                parsed(engine, sql, || {
                    calls += 1;
                    sql.len()
                })
            };
            assert_eq!(*count(Engine::Postgres, "a > 0"), 5);
            assert_eq!(*count(Engine::Postgres, "a > 0"), 5);
            assert_eq!(*count(Engine::MySql, "a > 0"), 5);
            assert_eq!(*count(Engine::Postgres, "b > 10"), 6);
        });
        // One parse per engine and text.
        assert_eq!(calls, 3);
        // The cache ends with the render.
        CACHE.with(|cache| assert!(cache.borrow().is_none()));
    }
}
