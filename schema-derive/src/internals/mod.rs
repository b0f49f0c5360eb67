//! Parsing and checking, shared by both derives.

pub mod advice;
pub mod ast;
pub mod attr;
pub mod case;
pub mod check;
pub mod ctxt;
pub mod features;
pub mod parse;
pub mod security;
pub mod symbol;
