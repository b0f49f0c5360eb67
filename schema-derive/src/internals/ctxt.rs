//! The error context: every spanned error of one derive, reported together.

use std::cell::RefCell;
use std::fmt::Display;
use std::thread;

use proc_macro2::Span;
use quote::ToTokens;

/// Collects the errors of one derive invocation.
///
/// Parsing and checking never stop at the first problem: each one is recorded here, and the
/// derive reports all of them at once. Dropping a context whose errors were never taken with
/// [`Ctxt::check`] panics, so no error can be silently lost.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// An empty context.
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanning the tokens of `object`.
    pub fn error_spanned_by<A: ToTokens, T: Display>(&self, object: A, message: T) {
        self.push(syn::Error::new_spanned(object.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<T: Display>(&self, span: Span, message: T) {
        self.push(syn::Error::new(span, message));
    }

    /// Records an error produced by syn.
    pub fn syn_error(&self, error: syn::Error) {
        self.push(error);
    }

    /// How many errors have been recorded so far.
    pub fn error_count(&self) -> usize {
        self.errors.borrow().as_ref().map_or(0, Vec::len)
    }

    fn push(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("Ctxt used after check")
            .push(error);
    }

    /// Consumes the context: `Err` with every recorded error combined, if there was any.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self
            .errors
            .borrow_mut()
            .take()
            .expect("Ctxt checked twice")
            .into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to check for errors");
        }
    }
}
