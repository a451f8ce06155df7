const x: number = 'a';
