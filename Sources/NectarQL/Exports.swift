// An embedding program writes `import NectarQL` and gets the whole engine surface:
// the language (statements, errors with places), the catalog (tables, values) and the writers.
@_exported import NectarCatalog
@_exported import NectarOutput
@_exported import NectarSnapshot
@_exported import NectarSource
@_exported import NectarSyntax
