// tsc is the real check here: the official driver's Collection<T> must satisfy the DocCollection<T> port.
import assert from 'node:assert/strict';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import type { DocCollection } from '../../src/store/doc-collection.js';

interface Child {
  _id: string;
  iroId: string;
  version: number;
  nextReviewDue: Date;
  history: { at: Date; by: string }[];
}

interface Audit {
  _id?: ObjectId;
  what: string;
}

/** Never called; compiling it is the test. */
export function driverCollectionsFit(db: Db): [DocCollection<Child>, DocCollection<Audit>, DocCollection<Document>] {
  const children: DocCollection<Child> = db.collection<Child>('children');
  const audit: DocCollection<Audit> = db.collection<Audit>('audit');
  const anything: DocCollection<Document> = db.collection('anything');
  // @ts-expect-error proves the check bites: a wrong return type is rejected.
  const wrong: { countDocuments(): Promise<string> } = db.collection<Child>('children');
  void wrong;
  return [children, audit, anything];
}

describe('driver fits the DocCollection port', () => {
  it('a driver Collection (not connected) has every port method', () => {
    const client = new MongoClient('mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=1');
    const coll = client.db('x').collection('y') as unknown as Record<string, unknown>;
    const methods = [
      'insertOne',
      'insertMany',
      'findOne',
      'find',
      'updateOne',
      'updateMany',
      'findOneAndUpdate',
      'deleteOne',
      'countDocuments',
      'createIndex',
      'aggregate',
    ];
    for (const m of methods) assert.equal(typeof coll[m], 'function', m);
    assert.equal(typeof driverCollectionsFit, 'function');
  });
});
