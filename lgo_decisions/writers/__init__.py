"""Writers: render a decision as text or HTML that the readers read back to an equal decision."""
