"""The briefing: per item objective, talking points, background, topics to avoid and minutes;
per person and per venue contact a biography and a portrait; follow-ups per trip.

New tables only; existing trips, items and people are untouched and simply have no briefing yet.

Revision ID: 0010_briefing
Revises: 0006_trip_emergency_contacts
Create Date: 2026-12-06 04:19:17.644013
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0010_briefing'
down_revision = "0009_travel_legs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('person_profile',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('biography', sa.JSON(), nullable=False),
    sa.Column('portrait', sa.LargeBinary(), nullable=True),
    sa.Column('portrait_type', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_profile_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_person_profile'))
    )
    op.create_table('contact_profile',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('biography', sa.JSON(), nullable=False),
    sa.Column('portrait', sa.LargeBinary(), nullable=True),
    sa.Column('portrait_type', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['venue_contact.id'], name=op.f('fk_contact_profile_contact_id_venue_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', name=op.f('pk_contact_profile'))
    )
    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('what', sa.JSON(), nullable=False),
    sa.Column('who_person_id', sa.Integer(), nullable=True),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('origin_trip_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.JSON(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_follow_up_item_id_programme_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['origin_trip_id'], ['trip.id'], name=op.f('fk_follow_up_origin_trip_id_trip'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_follow_up_trip_id_trip'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['who_person_id'], ['person.id'], name=op.f('fk_follow_up_who_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_trip_id'), ['trip_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_who_person_id'), ['who_person_id'], unique=False)

    op.create_table('item_briefing',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('objective', sa.JSON(), nullable=False),
    sa.Column('talking_points', sa.JSON(), nullable=False),
    sa.Column('background', sa.JSON(), nullable=False),
    sa.Column('avoid', sa.JSON(), nullable=False),
    sa.Column('minutes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_item_briefing_item_id_programme_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_item_briefing'))
    )


def downgrade() -> None:
    op.drop_table('item_briefing')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_who_person_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_trip_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_item_id'))

    op.drop_table('follow_up')
    op.drop_table('contact_profile')
    op.drop_table('person_profile')
