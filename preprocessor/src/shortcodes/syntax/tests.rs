use super::*;

mod fixtures;
mod hugo;
