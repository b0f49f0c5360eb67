//! Code generation. Each derive's expansion is a plain function from the input to tokens, so it
//! can be tested without a compiler in the loop.

pub mod domain;
mod features;
mod security;
pub mod sql_enum;
pub mod table;
pub mod view;
