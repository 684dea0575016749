/** Request and response schemas of the app: one source for validation, types, OpenAPI and the console. */
export {};
