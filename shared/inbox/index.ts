/** Pure inbox rules shared by the inbox function, the points card and the client. */
export * from './deadline';
export * from './excerpt';
export * from './satisfied';
export * from './question';
